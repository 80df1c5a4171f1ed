#!/usr/bin/env python3
"""Fills a workspace's Step 2 through the app's own API as a partnership would: PRIORITIES questions
adopted from the bank and agreed as priorities, PROPOSITIONS testable propositions (three partners
each, a lead among them, two or three policies and programmes, a pilot in one of the system's
places, a cost), two measures per proposition with 24 monthly values each (so each has an SPC
reading), and a maturity round with 12 milestones. Prints shell variables for run.sh."""
import http.cookiejar, json, re, sys, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ICB = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
PRIORITIES, PROPOSITIONS = int(sys.argv[5]), int(sys.argv[6])
ROLES = ["partner", "funder", "evaluator", "adviser"]

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def csrf(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

def form(url, fields, page=None):
    html = opener.open(page or url).read().decode()
    data = urllib.parse.urlencode([("_csrf", csrf(html))] + list(fields)).encode()
    return opener.open(url, data).read().decode()

def api(token, method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req).read().decode() or "null")

form(BASE + "/sign-in", [("email", EMAIL), ("password", PASSWORD)])
page = form(BASE + "/account/tokens", [("name", "bench")], page=BASE + "/account")
token = re.search(r'id="new-token">([^<]+)<', page).group(1)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
ws = f"/api/v1/workspaces/{ICB}"

bank = api(token, "GET", "/api/v1/questions")
priorities = []
for i, entry in enumerate(bank[:PRIORITIES]):
    q = api(token, "POST", ws + "/questions", {"bankId": entry["id"]})
    api(token, "PUT", f"{ws}/questions/{q['id']}/priority",
        {"rationale": f"Agreed at the partnership board: the evidence of need is strong ({i + 1})"})
    priorities.append(q["id"])
organisations = [o["id"] for o in api(token, "GET", ws + "/anchors/organisations")]
policies = [p["id"] for p in api(token, "GET", "/api/v1/policies")]
places = [g["code"] for g in json.loads(urllib.request.urlopen(BASE + f"/api/v1/icbs/{ICB}").read())["subIcbLocations"]]

for n in range(PROPOSITIONS):
    partners = [{"organisationId": str(organisations[(n + k) % len(organisations)]),
                 "role": "lead" if k == 0 else ROLES[(n + k) % len(ROLES)]} for k in range(3)]
    p = api(token, "POST", ws + "/propositions", {
        "questionId": priorities[n % len(priorities)],
        "title": f"Proposition {n + 1}: joint action on the priority",
        "ifWe": f"pool recruitment, procurement and estates across three partners (pilot {n + 1})",
        "then": "more residents of the most deprived neighbourhoods get good work",
        "measuredBy": "the share of new starters living in the footprint",
        "partners": partners,
        "policies": [policies[(n + k) % len(policies)] for k in range(2 + n % 2)],
        "pilot": {"places": [places[n % len(places)]], "whom": "young people not in work",
                  "from": "2026-04-01", "to": "2027-03-31", "cost": str(50000 + 12500 * n)}})
    for m in range(2):
        measure = api(token, "POST", f"{ws}/propositions/{p['id']}/measures", {
            "name": f"Measure {m + 1} of proposition {n + 1}", "unit": "%",
            "improvement": "increase", "target": 40})
        for month in range(24):
            value = 30 + (month % 5) + (6 if month > 18 and m == 0 else 0)
            api(token, "POST", f"{ws}/measures/{measure['id']}/values",
                {"period": f"{2024 + month // 12}-{month % 12 + 1:02d}", "value": value})
    if n % 3 == 0:
        api(token, "POST", f"{ws}/propositions/{p['id']}/transitions",
            {"from": "idea", "to": "agreed", "decision": "Agreed by the ICP board", "reason": "Partners committed"})

round_id = api(token, "POST", ws + "/maturity/rounds", {"name": "2026/27"})["id"]
framework = api(token, "GET", "/api/v1/maturity/frameworks/current")
areas = [a["id"] for d in framework["domains"] for a in d["areas"]]
for k in range(12):
    api(token, "POST", f"{ws}/maturity/rounds/{round_id}/milestones", {
        "areaId": areas[k % len(areas)], "targetLevel": "established",
        "action": f"Milestone {k + 1}: agree and publish the joint commitment", "owner": "ICP board",
        "partners": [], "dueDate": f"2027-{k % 12 + 1:02d}-28", "status": "not-started"})
print(f"TOKEN={token}\nCOOKIE='{cookie}'")
