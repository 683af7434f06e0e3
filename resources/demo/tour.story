# OpsDeck demo story: the default tour `opsdeck --demo` plays.
# One statement a line, '#' starts a comment. Format: docs/DEMO.md.
# To tell your own story copy this file, edit it and pass it as
# app::DemoOptions::storyFile (docs/DEMO.md).

name            tour
duration        110     # seconds; then everything recovers and the story starts again
loop            yes
cost_time_scale 60      # one real second bills one minute: the burn rate follows the story

at 0 A live system
  say 60 aircraft and two ground stations over the Alps relay radio traffic
  say (DDS simulation, forwarded by the bridge); six gRPC services take 20 requests
  say a second; every replica and aircraft is billed as a cloud instance.

at 20 Radio failure on a relay
  severity warning
  say The first relay aircraft of the Zurich-Geneva flow loses its radio.
  say Its links drop and the route re-converges over other aircraft.
  fail_radio route:zurich-geneva

at 40 Payments replica slows down
  severity warning
  say payments-1 now answers after 450 ms, beyond its 300 ms deadline:
  say timeouts and retries rise on the orders -> payments edge.
  slow payments-1 450

at 60 Spot capacity interrupted
  severity critical
  say The provider reclaims all spot capacity. The replacements run on demand:
  say the cost mix shifts from Dynamic to Standard and the burn rate climbs.
  spot_interrupt

at 80 Recovery
  say The radio is repaired, payments-1 is fast again, spot capacity is back.
  recover

at 95 Traffic peak
  say Traffic triples for a while; the mesh keeps its deadlines.
  traffic 60
