<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>opsdeck::app</name>
    <message>
        <source>OpsDeck: operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDS-bridge address: grpc[s]://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh) address: grpc[s]://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing address: grpc[s]://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token for all backends (not saved; visible to other local users in the process list, prefer File &gt; Connect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After start-up and the first 3D frame, save the window as a PNG and exit (0 on success).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start full screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dock layout: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1600x1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run with --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay: no such file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token: the token is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot: the file name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not a theme; use light or dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--layout: &apos;%1&apos; is not a layout; use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not a window size; use WxH between 320x240 and 16384x16384</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the simulation, DDS-bridge, service mesh and billing backends in this process on loopback, connect to them and play the demo story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recording (.opsrec) on the timeline; live connections stay off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headless recorder: connect to --bridge/--telemetry/--billing and record everything to FILE without a window until SIGINT or SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --record: start a new file every MB megabytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --record: start a new file every N minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record: the file name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record: %1 exists; a recording is never overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record cannot be combined with --replay or --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --record FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: the DDS domain of its simulation and bridge (0-232, default 31; two demos on one machine need two domains).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-domain: &apos;%1&apos; is not a DDS domain (0-232)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-domain needs --demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Console</name>
    <message>
        <source>No topology yet — not connected to a DDS-bridge (File ▸ Connect…, or run with --demo). The grid is the ground plane: 10 m squares, east in red, north in green, up in blue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topology yet — waiting for the DDS-bridge&apos;s nodes (File ▸ Connect…, or run with --demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● REC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recorded %1 (%n envelopes).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying %1 — live connections are paused (File ▸ Close Recording and Go Live).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged. Everything that could be read is on the timeline%2.

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (recovered page by page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged recording at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the range to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused while replaying a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (seconds after the start, 0 – %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (seconds after the start, %1 – %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Range to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the state at %1 as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::DemoController</name>
    <message>
        <source>The demo could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo failed to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo step failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: simulation, DDS-bridge, service mesh and billing running in this process on loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presenter &amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera &amp;Tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::HeadlessRecorder</name>
    <message>
        <source>--record needs at least one of --bridge, --telemetry, --billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Layouts</name>
    <message>
        <source>&amp;Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::LiveClients</name>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address: File ▸ Connect… or --%1 URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::MainWindow</name>
    <message>
        <source>No topology yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a DDS-bridge — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service latency yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a telemetry backend (the gRPC service mesh) — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No costs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a billing backend — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation to control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, freeze, resume and stop need a DDS-bridge. Not connected — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the timeline yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped bad input is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology 3D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;Operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.&lt;/p&gt;&lt;p&gt;Qt %2, OpenSceneGraph, gRPC, Protocol Buffers.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter its address, or run with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recording (File ▸ Open Recording…, drag and drop, --replay FILE) to move through it here; File ▸ Record saves what the connected backends send. Not connected to any backend — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter backend addresses, or run with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a node or a link in the 3D topology to see its state, links and routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Recording and Go &amp;Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record everything the console receives to a .opsrec file (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy State as &amp;CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes, links, routes, services and costs at the cursor (or now) to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::RecordController</name>
    <message numerus="yes">
        <source>● REC %1 — %2, %3, %n envelopes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Screenshot</name>
    <message>
        <source>screenshot: the window was not shown with a rendered 3D frame in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screenshot: grabbing the window gave no image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screenshot: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screenshot: wrote %1 (%2x%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::app::TopologyMenu</name>
    <message>
        <source>&amp;Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Perspective View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ollow Selected Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour Links by &amp;Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour Links by &amp;Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Kind and Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each node has cost so far, from the billing backend (Costs panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stalks to the Ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Animate Route Flows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::GlProbe</name>
    <message>
        <source>OpenGL is not available on the &quot;%1&quot; display platform, so the 3D view cannot be shown. Run on a desktop or under Xvfb (xvfb-run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OpenGL context could be created on this display (platform &quot;%1&quot;). Check the graphics driver (Mesa) or run under Xvfb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenGL context was created but could not be made current (platform &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenGL driver reported no renderer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::OsgWidget</name>
    <message>
        <source>3D topology view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyDetails</name>
    <message>
        <source>aircraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satellite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>landed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected node or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected. Click a node or a link in the 3D view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 is no longer in the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1–%2 is no longer up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (node #%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1°, %2°, %3 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading / speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1° / %2 m/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step / sim time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quality %1, %2 ms, %3 Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes through it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms end to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes over it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective (amortised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of all nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyLegend</name>
    <message>
        <source>Link quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link latency (one way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (unusable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (perfect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aircraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes by kind and status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node cost so far (effective)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cost data for these nodes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 nodes billed, %3 in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cost data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::View3D</name>
    <message>
        <source>Topology 3D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No 3D view&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D view unavailable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionLights</name>
    <message>
        <source>Backend connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsDialog</name>
    <message>
        <source>Connect to backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses are grpcs://host:port (TLS) or grpc://host:port (plaintext, which the console uses only on this machine&apos;s loopback). Leave an address empty to not use that backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system roots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client certificate needs both a certificate and a key file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsModel</name>
    <message>
        <source>DDS-bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error / note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsView</name>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit backend addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect every backend that is not connected now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostTreeModel</name>
    <message>
        <source>On-demand equivalent minus effective cost: what commitments and spot saved (negative: unused commitment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service / resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostsView</name>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import FOCUS CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a FOCUS CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (effective)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings vs on-demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost by service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over time by pricing category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost over time by pricing category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs by service and resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter services and resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter services and resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import FOCUS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the breakdown as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the view as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOCUS import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed %1, on-demand equivalent %2, %3 line items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month to date %1, extrapolated linearly to the end of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No forecast from the billing backend yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per day (UTC) by pricing category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per hour (UTC) by pricing category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows imported, %3 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import FOCUS CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOCUS CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export costs as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export costs as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No costs yet&lt;/h3&gt;&lt;p&gt;Charges appear here as soon as a billing backend streams them (File ▸ Connect…, or run with --demo), or import a FOCUS CSV export from a cloud provider.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsModel</name>
    <message>
        <source>First: %1
Last: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsView</name>
    <message>
        <source>Dropped input by source and reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bad input seen. Malformed or out-of-range data from any backend is dropped, counted and listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) dropped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> for %n reason(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time OpsDeck starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time OpsDeck starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LatencyHistogram</name>
    <message>
        <source>Latency distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency (ms, log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a method to see its latency distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no calls in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) in the last minute</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesChannelzView</name>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last call (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channelz servers, channels and sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No channelz data.&lt;/b&gt;&lt;br&gt;Point the console at a gRPC server with channelz enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket %1  %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subchannel %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 server(s), %3 channel(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesGraph</name>
    <message>
        <source>Service dependency graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services seen yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesTableModel</name>
    <message>
        <source>How far p99 stays below the deadline: (deadline − p99) / deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses the callee finished after the caller&apos;s deadline had passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method / caller / replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99.9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headroom %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 trend (60 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesView</name>
    <message>
        <source>Filter services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by service, method, caller or replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only rows with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current chart as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts, errors and retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts &amp;&amp; errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> other errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No service telemetry yet.&lt;/b&gt;&lt;br&gt;Connect to an RPC backend (opsdeck-mesh; File ▸ Connect…), point an OpenTelemetry SDK at the OTLP receiver, open a recording, or run with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationLogModel</name>
    <message>
        <source>%1 (other console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationMembersModel</name>
    <message>
        <source>Member %1
Scenario: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sim time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationView</name>
    <message>
        <source>Sim time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch time (YYYYDDD.HHMMSS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real-time factor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 the simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the bridge. Showing the last state received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the bridge (%1). Showing the last state received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token does not have the operator role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible while the simulation is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to the control module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the simulation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the simulation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member will hold at the last time-advance point until the simulation is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulation run ends for every member. It can only be reset to Init afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation clock yet. Connect to a DDS-bridge (File ▸ Connect…) or run with --demo to see and control the simulation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineBar</name>
    <message>
        <source>Timeline seek bar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineView</name>
    <message>
        <source>%1 UTC  (+%2%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording open — File ▸ Open Recording…, drop a .opsrec file here, or run with --replay FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfModel</name>
    <message>
        <source>On-demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cheaper at any utilisation, but may be interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on-demand is cheaper below %1 h/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cheaper than on-demand above %1 h/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving vs on-demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it pays</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfPanel</name>
    <message>
        <source>As measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the measured hours per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running hours per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance usage priced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if pricing options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost against running hours per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running hours per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance usage in this range to re-price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pays off above %2 h/day. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instances over %2 days at %3 h/day: on-demand %4, cheapest %5 (%6). %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running hours per day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
