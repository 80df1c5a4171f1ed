#!/usr/bin/env python3
"""Fills a workspace's anchor register through the app's own API and pages: organisations up to
ORGANISATIONS in all (the seeded ICB, trusts and councils count), an anchor strategy for two in
three of them, and COMMITMENTS commitments spread over every pillar, theme and status, each naming
one theme and one of its indicators. Prints shell variables for run.sh."""
import http.cookiejar, json, re, sys, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ICB = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
ORGANISATIONS, COMMITMENTS = int(sys.argv[5]), int(sys.argv[6])
TYPES = ["university", "fe-college", "vcse", "housing-association", "employer", "police-fire", "primary-care"]
PILLARS = ["employment", "procurement", "estates", "environment", "partner-in-place"]
STATUSES = ["planned", "under-way", "achieved", "lapsed"]

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

ws = f"/api/v1/workspaces/{ICB}/anchors"
organisations = [o["id"] for o in api(token, "GET", ws + "/organisations")]
i = 0
while len(organisations) < ORGANISATIONS:
    i += 1
    organisations.append(api(token, "POST", ws + "/organisations", {
        "name": f"Bench anchor {i}", "type": TYPES[i % len(TYPES)], "staff": 100 + 37 * i,
        "annualNonPaySpend": 250000 + 12345 * i})["id"])

catalogue = json.loads(urllib.request.urlopen(BASE + f"/api/v1/icbs/{ICB}/profile").read())
by_theme = {}
for row in catalogue["indicators"]:
    by_theme.setdefault(row["themeCode"], []).append(row["indicatorId"])
theme_codes = list(by_theme)

pages = f"/workspaces/{ICB}/anchors/organisations"
for n, org in enumerate(organisations):
    if n % 3 != 2:
        form(f"{BASE}{pages}/{org}/strategies", [("title", f"Anchor strategy {n}"), ("url", ""),
             ("publishedOn", "2025-04-01"), ("status", "published")], page=f"{BASE}{pages}/{org}/strategies/new")
for c in range(COMMITMENTS):
    org = organisations[(c * 7) % len(organisations)]
    theme = theme_codes[c % len(theme_codes)]
    indicator = by_theme[theme][c % len(by_theme[theme])]
    form(f"{BASE}{pages}/{org}/commitments", [("strategyId", ""), ("pillar", PILLARS[c % 5]),
         ("promise", f"Commitment {c % 120} for the place"), ("themes", theme), ("indicators", indicator),
         ("status", STATUSES[(c // 5) % 4])], page=f"{BASE}{pages}/{org}/commitments/new")
print(f"TOKEN={token}\nCOOKIE='{cookie}'\nORGS={len(organisations)}")
