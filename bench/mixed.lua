-- A mixed load for wrk (bench/cluster-wrk.sh): of every 10 requests, 6 public article pages (anonymous, as
-- readers come), 3 board views and 1 case update (a comment on a case, a POST with its antiforgery token), the
-- last two signed in with the cookie of a cell secretary. The environment gives the addresses and the cookie.
local article = os.getenv("MIX_ARTICLE")
local board = os.getenv("MIX_BOARD")
local case_file = os.getenv("MIX_CASE")
local cookie = os.getenv("MIX_COOKIE")
local token = os.getenv("MIX_TOKEN")
local form_headers = { Cookie = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
-- "Nhận xét khi đo tải" (a comment written under load), form-encoded.
local body = "Comment=Nh%E1%BA%ADn+x%C3%A9t+khi+%C4%91o+t%E1%BA%A3i&__RequestVerificationToken=" .. token
local n = 0

request = function()
  n = n + 1
  local slot = n % 10
  if slot < 6 then
    return wrk.format("GET", article)
  elseif slot < 9 then
    return wrk.format("GET", board, { Cookie = cookie })
  end
  return wrk.format("POST", case_file .. "?handler=Comment", form_headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.1f %.1f %.1f %d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
