#!/usr/bin/env python3
"""Fills a relationship audit through the app's own API as partners would: signs in, makes a
personal access token, creates an audit from the template, makes RESPONSES links over six sectors
(a few small sectors so that suppression has work to do) and answers each link once with random but
valid answers (scale 1-5, one option, a short text; about one question in six skipped). Prints
shell variables for run.sh."""
import http.cookiejar, json, random, re, sys, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ICB, RESPONSES = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
# Share of links per sector; the last two are small so some cells are suppressed.
SECTORS = [("local-authority", 0.35), ("nhs-trust", 0.25), ("vcse", 0.2), ("university", 0.15),
           ("employer", 0.0035), ("police-fire", 0.0015)]
random.seed(2026)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def csrf(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

def form(url, fields, page=None):
    html = opener.open(page or url).read().decode()
    data = urllib.parse.urlencode([("_csrf", csrf(html))] + list(fields)).encode()
    return opener.open(url, data).read().decode()

def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(BASE + path, method=method,
        data=None if body is None else json.dumps(body).encode(), headers=headers)
    return json.loads(urllib.request.urlopen(req).read().decode() or "null")

form(BASE + "/sign-in", [("email", EMAIL), ("password", PASSWORD)])
page = form(BASE + "/account/tokens", [("name", "bench")], page=BASE + "/account")
token = re.search(r'id="new-token">([^<]+)<', page).group(1)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

audit = call("POST", f"/api/v1/workspaces/{ICB}/audits", {"title": "Bench audit"}, token)["id"]
tokens = []
remaining = RESPONSES
for i, (sector, share) in enumerate(SECTORS):
    n = remaining if i == len(SECTORS) - 1 else max(1, round(RESPONSES * share))
    remaining -= n
    while n > 0:
        batch = min(n, 500)
        links = call("POST", f"/api/v1/workspaces/{ICB}/audits/{audit}/links",
                     {"count": batch, "sector": sector}, token)
        tokens += [l["token"] for l in links]
        n -= batch
words = ("partnership estates jobs housing data training procurement net zero high street "
         "volunteers trust funding").split()
for t in tokens:
    survey = call("GET", f"/api/v1/audit-responses/{t}")
    answers = {}
    for q in survey["questions"]:
        if random.random() < 1 / 6:
            continue
        if q["type"] == "scale":
            answers[str(q["id"])] = random.randint(1, 5)
        elif q["type"] == "choice":
            answers[str(q["id"])] = random.choice(q["options"])
        else:
            answers[str(q["id"])] = " ".join(random.choice(words) for _ in range(random.randint(3, 25)))
    if not answers:
        answers[str(survey["questions"][0]["id"])] = 3
    call("POST", f"/api/v1/audit-responses/{t}", {"answers": answers})
print(f"TOKEN='{token}'; COOKIE='{cookie}'; AUDIT={audit}; SENT={len(tokens)}")
