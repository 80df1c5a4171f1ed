-- wrk script: sends the session cookie of a signed-in person (FP_SESSION, the JSESSIONID value) and, when
-- FP_GZIP=1, Accept-Encoding: gzip as browsers do; prints p50/p95/p99 latency in ms, requests/s, bytes per
-- response and every kind of error, as one line of key=value.
local session = os.getenv("FP_SESSION")
if session and session ~= "" then
  wrk.headers["Cookie"] = "JSESSIONID=" .. session
end
if os.getenv("FP_GZIP") == "1" then
  wrk.headers["Accept-Encoding"] = "gzip"
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f kb_per_response=%.1f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.bytes / math.max(summary.requests, 1) / 1024, errors, summary.errors.status))
end
