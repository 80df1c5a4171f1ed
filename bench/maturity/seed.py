#!/usr/bin/env python3
"""Seeds a round with N personal-link assessors who rate every area, agrees every area and adds
milestones, through the app's own HTTP pages and API. Prints shell variables for run.sh."""
import http.cookiejar, json, re, sys, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ICB, ASSESSORS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
LEVELS = ["not-yet-emerging", "emerging", "established", "expanding"]

def session():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar

def csrf(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

def form(opener, url, fields, page=None):
    html = opener.open(page or url).read().decode()
    data = urllib.parse.urlencode([("_csrf", csrf(html))] + list(fields)).encode()
    return opener.open(url, data).read().decode()

def api(token, method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req).read().decode() or "null")

admin, jar = session()
form(admin, BASE + "/sign-in", [("email", EMAIL), ("password", PASSWORD)])
page = form(admin, BASE + "/account/tokens", [("name", "bench")], page=BASE + "/account")
token = re.search(r'id="new-token">([^<]+)<', page).group(1)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

framework = json.loads(urllib.request.urlopen(BASE + "/api/v1/maturity/frameworks/current").read())
areas = [a["id"] for d in framework["domains"] for a in d["areas"]]
ws = f"/api/v1/workspaces/{ICB}/maturity"
round_id = api(token, "POST", ws + "/rounds", {"name": "Bench 2026/27"})["id"]
for i in range(ASSESSORS):
    link = api(token, "POST", f"{ws}/rounds/{round_id}/assessors",
               {"name": f"Assessor {i + 1}", "organisation": f"Partner {i % 7 + 1}"})["personalLink"]
    path = link[link.index("/assess/"):]
    rater, _ = session()
    fields = [("action", "submit")]
    for j, area in enumerate(areas):
        level = LEVELS[(i + j) % 4]
        fields += [("level-" + area, level), ("confidence-" + area, ["low", "medium", "high"][(i * j) % 3]),
                   ("evidence-" + area, f"Evidence from assessor {i + 1} on {area}: board papers, partnership minutes and a local survey."),
                   ("links-" + area, "https://example.org/evidence/%d/%d" % (i, j))]
        if level != "not-yet-emerging":
            fields.append(("fulfilment-" + area, "partly" if (i + j) % 2 else "fully"))
    form(rater, BASE + path, fields)
for j, area in enumerate(areas):
    api(token, "PUT", f"{ws}/rounds/{round_id}/agreements/{area}",
        {"level": LEVELS[1 + j % 3], "fulfilment": "partly", "rationale": f"Agreed after discussion of {area}."})
    api(token, "POST", f"{ws}/rounds/{round_id}/milestones",
        {"areaId": area, "targetLevel": "expanding", "action": f"Next step for {area}", "owner": "ICB director", "partners": ["Council"], "dueDate": "2027-03-31"})
print(f"TOKEN={token}\nROUND={round_id}\nCOOKIE='{cookie}'\nAREAS={len(areas)}")
