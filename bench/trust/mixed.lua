-- wrk script: the mixed load of issue 9 (public pages, public API, signed-in pages, token API), each
-- connection cycling through the same list from its own starting point. FP_SESSION is the JSESSIONID
-- of a signed-in person, FP_TOKEN a personal access token. Prints one line of key=value: requests,
-- requests/s, p50/p95/p99/max latency in ms, and every error: socket errors, statuses of 400 and
-- more, and redirects (a signed-in page that redirects has lost its session).
local session = os.getenv("FP_SESSION")
local token = os.getenv("FP_TOKEN")
local ics = os.getenv("FP_ICS") or "E54000008"

local mix = {
  -- public pages (8 of 20)
  {"/", nil}, {"/ics/QYG", nil}, {"/ics/QYG/profile", nil},
  {"/ics/QYG/profile/themes/employment", nil}, {"/england", nil}, {"/indicators", nil},
  {"/maturity/framework", nil}, {"/ics/QHM/profile?comparator=neighbours", nil},
  -- public API (4 of 20)
  {"/api/v1/icbs", nil}, {"/api/v1/indicators", nil}, {"/api/v1/icbs/QYG/profile", nil},
  {"/api/v1/maturity/frameworks/current", nil},
  -- signed-in pages (5 of 20)
  {"/account", "session"}, {"/workspaces/" .. ics, "session"},
  {"/workspaces/" .. ics .. "/maturity", "session"}, {"/ics/QYG/profile", "session"},
  {"/workspaces/" .. ics .. "/groups", "session"},
  -- token API (3 of 20)
  {"/api/v1/workspaces/" .. ics .. "/maturity/rounds", "token"},
  {"/api/v1/workspaces/" .. ics .. "/groups", "token"},
  {"/api/v1/workspaces/" .. ics .. "/maturity/progress", "token"},
}

local threads = {}
local counter = 0
setup = function(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

init = function(args)
  counter = tonumber(offset) or 0
  redirects = 0
  failures = 0
end

request = function()
  counter = counter + 1
  local entry = mix[(counter % #mix) + 1]
  local headers = {}
  if entry[2] == "session" then
    headers["Cookie"] = "JSESSIONID=" .. session
  elseif entry[2] == "token" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", entry[1], headers)
end

response = function(status, headers, body)
  if status >= 300 and status < 400 then
    redirects = redirects + 1
  elseif status >= 400 then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  local redirected, failed = 0, 0
  for _, thread in ipairs(threads) do
    redirected = redirected + thread:get("redirects")
    failed = failed + thread:get("failures")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    "requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d status_4xx_5xx=%d redirects=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, failed, redirected))
end
