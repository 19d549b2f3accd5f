-- wrk script for the intake benchmark (docs/benchmarks.md): every request posts a web form with
-- a distinct e-mail (thread id + counter + run id), so each one creates a lead (no duplicate).
-- TOKEN: an intake (MARKETING) token's secret, from the environment. wrk counts non-2xx answers
-- itself ("Non-2xx or 3xx responses"); none may appear.
local token = os.getenv("TOKEN")
local run = os.getenv("RUN") or tostring(os.time())
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local email = string.format("wrk-%s-%d-%d@example.com", run, thread_id, counter)
  local body = string.format(
    '{"name":"Visitor %d-%d","company":"Bench Ltd","email":"%s","phone":"+39 06 555 0101",'
    .. '"channel":"WEBSITE","intent":"INFORMATIONAL","note":"Please send the price list."}',
    thread_id, counter, email)
  return wrk.format(nil, "/api/leads", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
