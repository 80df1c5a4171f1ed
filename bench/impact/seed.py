#!/usr/bin/env python3
"""Fills a workspace with MEASURES measures through the app's own API: each with 36 monthly values
(imported as a CSV body), a target on two in three of them, a rebase with its reason on one in
five, improvement directions and levels varied so the page shows every kind of point and icon.
Prints shell variables for run.sh."""
import http.cookiejar, json, math, re, sys, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ICB, MEASURES = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
IMPROVEMENTS = ["increase", "decrease", "neutral"]

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def csrf(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

def form(url, fields, page=None):
    html = opener.open(page or url).read().decode()
    data = urllib.parse.urlencode([("_csrf", csrf(html))] + list(fields)).encode()
    return opener.open(url, data).read().decode()

def api(token, method, path, body=None, content_type="application/json"):
    data = None if body is None else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, method=method, data=data,
        headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    return json.loads(urllib.request.urlopen(req).read().decode() or "null")

form(BASE + "/sign-in", [("email", EMAIL), ("password", PASSWORD)])
page = form(BASE + "/account/tokens", [("name", "bench")], page=BASE + "/account")
token = re.search(r'id="new-token">([^<]+)<', page).group(1)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

ws = f"/api/v1/workspaces/{ICB}/measures"
for m in api(token, "GET", ws):
    api(token, "DELETE", f"{ws}/{m['id']}")
for i in range(MEASURES):
    improvement = IMPROVEMENTS[i % 3]
    body = {"name": f"Bench measure {i + 1:02d}", "unit": "%" if i % 2 else "people",
            "improvement": improvement, "definition": "A measure of the bench."}
    if improvement != "neutral" and i % 3 != 2:
        body["target"] = 50 + (i % 7)
    measure = api(token, "POST", ws, body)
    rows = ["period,value"]
    for k in range(36):
        year, month = 2023 + k // 12, k % 12 + 1
        level = 50 + (4 if (i % 4 == 0 and k >= 24) else 0) + (k * 0.3 if i % 5 == 1 else 0)
        value = level + 2 * math.sin(k * 1.7 + i) + (9 if (i % 6 == 2 and k == 30) else 0)
        rows.append(f"{year}-{month:02d},{value:.2f}")
    api(token, "POST", f"{ws}/{measure['id']}/values/imports", "\n".join(rows) + "\n", "text/csv")
    if i % 5 == 4:
        api(token, "POST", f"{ws}/{measure['id']}/rebases",
            {"date": "2024-07-01", "reason": "A new way of counting from July 2024"})
print(f"TOKEN={token}\nCOOKIE='{cookie}'")
