<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>opsdeck::app</name>
    <message>
        <source>OpsDeck: operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.</source>
        <translation>OpsDeck：用于分布式网络仿真（DDS 桥）、gRPC 服务网格和计费后端的运维控制台。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>DDS-bridge address: grpc[s]://host:port.</source>
        <translation>DDS 桥地址：grpc[s]://主机:端口。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh) address: grpc[s]://host:port.</source>
        <translation>遥测（RPC 网格）地址：grpc[s]://主机:端口。</translation>
    </message>
    <message>
        <source>Billing address: grpc[s]://host:port.</source>
        <translation>计费地址：grpc[s]://主机:端口。</translation>
    </message>
    <message>
        <source>Bearer token for all backends (not saved; visible to other local users in the process list, prefer File &gt; Connect).</source>
        <translation>所有后端使用的 Bearer 令牌（不保存；本机其他用户可在进程列表中看到，建议使用“文件 &gt; 连接”）。</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>After start-up and the first 3D frame, save the window as a PNG and exit (0 on success).</source>
        <translation>启动并绘制第一帧三维画面后，将窗口保存为 PNG 并退出（成功时返回 0）。</translation>
    </message>
    <message>
        <source>Start full screen.</source>
        <translation>以全屏方式启动。</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>配色主题：light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <source>Dock layout: %1.</source>
        <translation>停靠布局：%1。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1600x1000.</source>
        <translation>窗口大小（像素），例如 1600x1000。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>Run with --help for the options.</source>
        <translation>使用 --help 查看选项。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>--replay: no such file: %1</source>
        <translation>--replay：没有该文件：%1</translation>
    </message>
    <message>
        <source>--token: the token is empty</source>
        <translation>--token：令牌为空</translation>
    </message>
    <message>
        <source>--screenshot: the file name is empty</source>
        <translation>--screenshot：文件名为空</translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not a theme; use light or dark</source>
        <translation>--theme：“%1”不是主题；请使用 light 或 dark</translation>
    </message>
    <message>
        <source>--layout: &apos;%1&apos; is not a layout; use one of %2</source>
        <translation>--layout：“%1”不是布局；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not a window size; use WxH between 320x240 and 16384x16384</source>
        <translation>--size：“%1”不是窗口大小；请使用 320x240 到 16384x16384 之间的 宽x高</translation>
    </message>
    <message>
        <source>Start the simulation, DDS-bridge, service mesh and billing backends in this process on loopback, connect to them and play the demo story.</source>
        <translation>在本进程内的回环地址上启动仿真、DDS 网桥、服务网格和计费后端，连接它们并播放演示剧本。</translation>
    </message>
    <message>
        <source>Open a recording (.opsrec) on the timeline; live connections stay off.</source>
        <translation>在时间轴上打开录制文件 (.opsrec)；实时连接保持关闭。</translation>
    </message>
    <message>
        <source>Headless recorder: connect to --bridge/--telemetry/--billing and record everything to FILE without a window until SIGINT or SIGTERM.</source>
        <translation>无界面录制：连接 --bridge/--telemetry/--billing，将所有数据录制到 FILE，直到收到 SIGINT 或 SIGTERM。</translation>
    </message>
    <message>
        <source>With --record: start a new file every MB megabytes.</source>
        <translation>配合 --record：每 MB 兆字节开始一个新文件。</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>With --record: start a new file every N minutes.</source>
        <translation>配合 --record：每 N 分钟开始一个新文件。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--record: the file name is empty</source>
        <translation>--record：文件名为空</translation>
    </message>
    <message>
        <source>--record: %1 exists; a recording is never overwritten</source>
        <translation>--record：%1 已存在；录制从不覆盖文件</translation>
    </message>
    <message>
        <source>--record cannot be combined with --replay or --demo</source>
        <translation>--record 不能与 --replay 或 --demo 同时使用</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a positive whole number</source>
        <translation>“%1”不是正整数</translation>
    </message>
    <message>
        <source>--%1 needs --record FILE</source>
        <translation>--%1 需要 --record FILE</translation>
    </message>
    <message>
        <source>With --demo: the DDS domain of its simulation and bridge (0-232, default 31; two demos on one machine need two domains).</source>
        <translation>与 --demo 一起使用：其仿真和桥接的 DDS 域（0-232，默认 31；同一台机器上的两个演示需要两个域）。</translation>
    </message>
    <message>
        <source>--demo-domain: &apos;%1&apos; is not a DDS domain (0-232)</source>
        <translation>--demo-domain：“%1”不是 DDS 域（0-232）</translation>
    </message>
    <message>
        <source>--demo-domain needs --demo</source>
        <translation>--demo-domain 需要 --demo</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Console</name>
    <message>
        <source>No topology yet — not connected to a DDS-bridge (File ▸ Connect…, or run with --demo). The grid is the ground plane: 10 m squares, east in red, north in green, up in blue.</source>
        <translation>尚无拓扑——未连接 DDS 网桥（文件 ▸ 连接…，或使用 --demo 运行）。网格为地平面：10 米方格，东为红色，北为绿色，上为蓝色。</translation>
    </message>
    <message>
        <source>No topology yet — waiting for the DDS-bridge&apos;s nodes (File ▸ Connect…, or run with --demo).</source>
        <translation>尚无拓扑——正在等待 DDS 网桥的节点（文件 ▸ 连接…，或使用 --demo 运行）。</translation>
    </message>
    <message>
        <source>● REC %1</source>
        <translation>● 录制 %1</translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation>无法录制</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %1 (%n envelopes).</source>
        <translation>
            <numerusform>已录制 %1（%n 个信封）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying %1 — live connections are paused (File ▸ Close Recording and Go Live).</source>
        <translation>正在回放 %1——实时连接已暂停（文件 ▸ 关闭录制并返回实时）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is damaged. Everything that could be read is on the timeline%2.

%3</source>
        <translation>%1 已损坏。所有可读取的内容都已放在时间轴上%2。

%3</translation>
    </message>
    <message>
        <source> (recovered page by page)</source>
        <translation>（逐页恢复）</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Damaged recording at %1: %2</source>
        <translation>录制文件在 %1 处损坏：%2</translation>
    </message>
    <message>
        <source>Exported the range to %1</source>
        <translation>已将该范围导出到 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Paused while replaying a recording</source>
        <translation>回放录制期间已暂停</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec)</source>
        <translation>OpsDeck 录制文件 (*.opsrec)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec);;All files (*)</source>
        <translation>OpsDeck 录制文件 (*.opsrec);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Damaged recording</source>
        <translation>录制文件已损坏</translation>
    </message>
    <message>
        <source>Export Range</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <source>From (seconds after the start, 0 – %1):</source>
        <translation>起点（自开始起的秒数，0 – %1）：</translation>
    </message>
    <message>
        <source>To (seconds after the start, %1 – %2):</source>
        <translation>终点（自开始起的秒数，%1 – %2）：</translation>
    </message>
    <message>
        <source>Export Range to</source>
        <translation>导出范围到</translation>
    </message>
    <message>
        <source>Copied the state at %1 as CSV.</source>
        <translation>已将 %1 时刻的状态复制为 CSV。</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::DemoController</name>
    <message>
        <source>The demo could not start: %1</source>
        <translation>演示无法启动：%1</translation>
    </message>
    <message>
        <source>Demo failed to start</source>
        <translation>演示启动失败</translation>
    </message>
    <message>
        <source>Demo step failed</source>
        <translation>演示步骤失败</translation>
    </message>
    <message>
        <source>Demo: simulation, DDS-bridge, service mesh and billing running in this process on loopback.</source>
        <translation>演示：仿真、DDS 网桥、服务网格和计费正在本进程的回环地址上运行。</translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation>演示者(&amp;P)</translation>
    </message>
    <message>
        <source>Presenter &amp;Mode</source>
        <translation>演示者模式(&amp;M)</translation>
    </message>
    <message>
        <source>Camera &amp;Tour</source>
        <translation>镜头巡览(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::HeadlessRecorder</name>
    <message>
        <source>--record needs at least one of --bridge, --telemetry, --billing</source>
        <translation>--record 至少需要 --bridge、--telemetry、--billing 之一</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Layouts</name>
    <message>
        <source>&amp;Operator</source>
        <translation>操作员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Analyst</source>
        <translation>分析师(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation>演示者(&amp;P)</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::LiveClients</name>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>%n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No address: File ▸ Connect… or --%1 URL</source>
        <translation>无地址：文件 ▸ 连接… 或 --%1 URL</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::MainWindow</name>
    <message>
        <source>No topology yet</source>
        <translation>尚无拓扑</translation>
    </message>
    <message>
        <source>Not connected to a DDS-bridge — %1</source>
        <translation>未连接到 DDS 桥——%1</translation>
    </message>
    <message>
        <source>No service latency yet</source>
        <translation>尚无服务延迟数据</translation>
    </message>
    <message>
        <source>Not connected to a telemetry backend (the gRPC service mesh) — %1</source>
        <translation>未连接到遥测后端（gRPC 服务网格）——%1</translation>
    </message>
    <message>
        <source>No costs yet</source>
        <translation>尚无成本数据</translation>
    </message>
    <message>
        <source>Not connected to a billing backend — %1</source>
        <translation>未连接到计费后端——%1</translation>
    </message>
    <message>
        <source>No simulation to control</source>
        <translation>没有可控制的仿真</translation>
    </message>
    <message>
        <source>Start, freeze, resume and stop need a DDS-bridge. Not connected — %1</source>
        <translation>启动、冻结、恢复和停止需要 DDS 桥。未连接——%1</translation>
    </message>
    <message>
        <source>Nothing on the timeline yet</source>
        <translation>时间线上尚无内容</translation>
    </message>
    <message>
        <source>No diagnostics</source>
        <translation>无诊断信息</translation>
    </message>
    <message>
        <source>Dropped bad input is listed here.</source>
        <translation>此处列出被丢弃的错误输入。</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>无连接</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>Topology 3D</source>
        <translation>三维拓扑</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Simulation control</source>
        <translation>仿真控制</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation>关于 OpsDeck(&amp;A)</translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation>关于 OpsDeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;Operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.&lt;/p&gt;&lt;p&gt;Qt %2, OpenSceneGraph, gRPC, Protocol Buffers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;用于分布式网络仿真（DDS 桥）、gRPC 服务网格和计费后端的运维控制台。&lt;/p&gt;&lt;p&gt;Qt %2、OpenSceneGraph、gRPC、Protocol Buffers。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter its address, or run with --demo.</source>
        <translation>文件 ▸ 连接… 输入其地址，或使用 --demo 运行。</translation>
    </message>
    <message>
        <source>Open a recording (File ▸ Open Recording…, drag and drop, --replay FILE) to move through it here; File ▸ Record saves what the connected backends send. Not connected to any backend — %1</source>
        <translation>打开录制文件（文件 ▸ 打开录制…、拖放或 --replay FILE）即可在此浏览；文件 ▸ 录制会保存已连接后端发送的内容。未连接任何后端——%1</translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter backend addresses, or run with --demo.</source>
        <translation>文件 ▸ 连接… 输入后端地址，或使用 --demo 运行。</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Click a node or a link in the 3D topology to see its state, links and routes.</source>
        <translation>在 3D 拓扑中单击节点或链路，查看其状态、链路和路由。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>立即重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation>跳过所有未连接后端的重试等待</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>打开录制(&amp;O)…</translation>
    </message>
    <message>
        <source>Close Recording and Go &amp;Live</source>
        <translation>关闭录制并返回实时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>录制(&amp;R)</translation>
    </message>
    <message>
        <source>Record everything the console receives to a .opsrec file (Ctrl+R)</source>
        <translation>将控制台接收的所有内容录制到 .opsrec 文件 (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Export Range…</source>
        <translation>导出范围(&amp;E)…</translation>
    </message>
    <message>
        <source>Copy State as &amp;CSV</source>
        <translation>将状态复制为 CSV(&amp;C)</translation>
    </message>
    <message>
        <source>Nodes, links, routes, services and costs at the cursor (or now) to the clipboard</source>
        <translation>将光标处（或当前）的节点、链路、路由、服务和成本复制到剪贴板</translation>
    </message>
    <message>
        <source>Play / Pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Step Forward</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation>录制状态</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::RecordController</name>
    <message numerus="yes">
        <source>● REC %1 — %2, %3, %n envelopes</source>
        <translation>
            <numerusform>● 录制 %1 — %2，%3，%n 个信封</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 dropped</source>
        <translation>，丢失 %1</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Screenshot</name>
    <message>
        <source>screenshot: the window was not shown with a rendered 3D frame in time</source>
        <translation>截图：窗口未能及时显示已渲染的三维画面</translation>
    </message>
    <message>
        <source>screenshot: grabbing the window gave no image</source>
        <translation>截图：抓取窗口未得到图像</translation>
    </message>
    <message>
        <source>screenshot: cannot write %1: %2</source>
        <translation>截图：无法写入 %1：%2</translation>
    </message>
    <message>
        <source>screenshot: wrote %1 (%2x%3)</source>
        <translation>截图：已写入 %1（%2x%3）</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::TopologyMenu</name>
    <message>
        <source>&amp;Topology</source>
        <translation>拓扑(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>全部适配(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Top View</source>
        <translation>俯视图(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Perspective View</source>
        <translation>透视图(&amp;P)</translation>
    </message>
    <message>
        <source>F&amp;ollow Selected Node</source>
        <translation>跟随所选节点(&amp;O)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Colour Links by &amp;Quality</source>
        <translation>按质量着色链路(&amp;Q)</translation>
    </message>
    <message>
        <source>Colour Links by &amp;Latency</source>
        <translation>按延迟着色链路(&amp;L)</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Kind and Status</source>
        <translation>按类型和状态着色节点(&amp;K)</translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Cost</source>
        <translation>按成本着色节点(&amp;C)</translation>
    </message>
    <message>
        <source>What each node has cost so far, from the billing backend (Costs panel)</source>
        <translation>每个节点迄今的成本，来自计费后端（成本面板）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>T&amp;rails</source>
        <translation>轨迹(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stalks to the Ground</source>
        <translation>到地面的垂线(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Animate Route Flows</source>
        <translation>动画显示路由流(&amp;A)</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::GlProbe</name>
    <message>
        <source>OpenGL is not available on the &quot;%1&quot; display platform, so the 3D view cannot be shown. Run on a desktop or under Xvfb (xvfb-run).</source>
        <translation>显示平台“%1”不支持 OpenGL，因此无法显示三维视图。请在桌面环境中或在 Xvfb（xvfb-run）下运行。</translation>
    </message>
    <message>
        <source>No OpenGL context could be created on this display (platform &quot;%1&quot;). Check the graphics driver (Mesa) or run under Xvfb.</source>
        <translation>无法在此显示器上创建 OpenGL 上下文（平台“%1”）。请检查图形驱动（Mesa）或在 Xvfb 下运行。</translation>
    </message>
    <message>
        <source>An OpenGL context was created but could not be made current (platform &quot;%1&quot;).</source>
        <translation>已创建 OpenGL 上下文，但无法将其设为当前上下文（平台“%1”）。</translation>
    </message>
    <message>
        <source>The OpenGL driver reported no renderer.</source>
        <translation>OpenGL 驱动未报告渲染器。</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::OsgWidget</name>
    <message>
        <source>3D topology view</source>
        <translation>三维拓扑视图</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyDetails</name>
    <message>
        <source>aircraft</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>ground station</source>
        <translation>地面站</translation>
    </message>
    <message>
        <source>satellite</source>
        <translation>卫星</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>landed</source>
        <translation>已着陆</translation>
    </message>
    <message>
        <source>Selected node or link</source>
        <translation>所选节点或链路</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Nothing selected. Click a node or a link in the 3D view.</source>
        <translation>未选择任何内容。请在三维视图中单击节点或链路。</translation>
    </message>
    <message>
        <source>Node #%1 is no longer in the topology.</source>
        <translation>节点 #%1 已不在拓扑中。</translation>
    </message>
    <message>
        <source>Link %1–%2 is no longer up.</source>
        <translation>链路 %1–%2 已断开。</translation>
    </message>
    <message>
        <source>%1 (node #%2, %3)</source>
        <translation>%1（节点 #%2，%3）</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1°, %2°, %3 m</source>
        <translation>%1°，%2°，%3 米</translation>
    </message>
    <message>
        <source>ENU</source>
        <translation>ENU</translation>
    </message>
    <message>
        <source>%1, %2, %3 km</source>
        <translation>%1，%2，%3 千米</translation>
    </message>
    <message>
        <source>Heading / speed</source>
        <translation>航向 / 速度</translation>
    </message>
    <message>
        <source>%1° / %2 m/s</source>
        <translation>%1° / %2 米/秒</translation>
    </message>
    <message>
        <source>Step / sim time</source>
        <translation>步数 / 仿真时间</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 秒</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>链路（%1）</translation>
    </message>
    <message>
        <source>quality %1, %2 ms, %3 Mbit/s</source>
        <translation>质量 %1，%2 毫秒，%3 Mbit/s</translation>
    </message>
    <message>
        <source>Routes through it (%1)</source>
        <translation>经过此节点的路由（%1）</translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation>流 %1</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1（%2 毫秒）</translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation>链路 %1 – %2</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>SNR</source>
        <translation>信噪比</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>Routing cost</source>
        <translation>路由代价</translation>
    </message>
    <message>
        <source>Routes over it</source>
        <translation>经过此链路的路由</translation>
    </message>
    <message>
        <source>%1 ms end to end</source>
        <translation>端到端 %1 毫秒</translation>
    </message>
    <message>
        <source>Routes over it (%1)</source>
        <translation>经过此链路的路由（%1）</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>迄今成本</translation>
    </message>
    <message>
        <source>Effective (amortised)</source>
        <translation>有效成本（摊销）</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>已计费</translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation>按需等价</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Share of all nodes</source>
        <translation>占所有节点的比例</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyLegend</name>
    <message>
        <source>Link quality</source>
        <translation>链路质量</translation>
    </message>
    <message>
        <source>Link latency (one way)</source>
        <translation>链路延迟（单向）</translation>
    </message>
    <message>
        <source>0 (unusable)</source>
        <translation>0（不可用）</translation>
    </message>
    <message>
        <source>≥ %1 ms</source>
        <translation>≥ %1 毫秒</translation>
    </message>
    <message>
        <source>1 (perfect)</source>
        <translation>1（完美）</translation>
    </message>
    <message>
        <source>0 ms</source>
        <translation>0 毫秒</translation>
    </message>
    <message>
        <source>aircraft</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>ground</source>
        <translation>地面</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Colour legend</source>
        <translation>颜色图例</translation>
    </message>
    <message>
        <source>Nodes by kind and status</source>
        <translation>按类型和状态的节点</translation>
    </message>
    <message>
        <source>Node cost so far (effective)</source>
        <translation>节点迄今成本（有效）</translation>
    </message>
    <message>
        <source>no cost data for these nodes yet</source>
        <translation>这些节点暂无成本数据</translation>
    </message>
    <message>
        <source>%1 of %2 nodes billed, %3 in all</source>
        <translation>%2 个节点中已计费 %1 个，共 %3</translation>
    </message>
    <message>
        <source>no cost data</source>
        <translation>无成本数据</translation>
    </message>
    <message>
        <source>route</source>
        <translation>路由</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::View3D</name>
    <message>
        <source>Topology 3D</source>
        <translation>三维拓扑</translation>
    </message>
    <message>
        <source>&lt;b&gt;No 3D view&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;无三维视图&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>3D view unavailable</source>
        <translation>三维视图不可用</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionLights</name>
    <message>
        <source>Backend connections</source>
        <translation>后端连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsDialog</name>
    <message>
        <source>Connect to backends</source>
        <translation>连接到后端</translation>
    </message>
    <message>
        <source>Addresses are grpcs://host:port (TLS) or grpc://host:port (plaintext, which the console uses only on this machine&apos;s loopback). Leave an address empty to not use that backend.</source>
        <translation>地址格式为 grpcs://主机:端口（TLS）或 grpc://主机:端口（明文，控制台仅在本机回环接口上使用）。地址留空表示不使用该后端。</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>system roots</source>
        <translation>系统根证书</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>客户端证书文件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>客户端密钥文件</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>CA 证书（PEM）</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation>客户端证书（PEM）</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>客户端密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation>客户端密钥（PEM）</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>浏览 %1</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: cannot read &apos;%2&apos;</source>
        <translation>%1：无法读取“%2”</translation>
    </message>
    <message>
        <source>a client certificate needs both a certificate and a key file</source>
        <translation>客户端证书需要同时提供证书文件和密钥文件</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsModel</name>
    <message>
        <source>DDS-bridge</source>
        <translation>DDS 桥</translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh)</source>
        <translation>遥测（RPC 网格）</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Since %1 UTC</source>
        <translation>自 %1 UTC 起</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last error / note</source>
        <translation>最近的错误 / 备注</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsView</name>
    <message>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>Backend connections</source>
        <translation>后端连接</translation>
    </message>
    <message>
        <source>Edit backend addresses</source>
        <translation>编辑后端地址</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>立即重新连接</translation>
    </message>
    <message>
        <source>Reconnect every backend that is not connected now</source>
        <translation>立即重新连接所有未连接的后端</translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation>跳过所有未连接后端的重试等待</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostTreeModel</name>
    <message>
        <source>On-demand equivalent minus effective cost: what commitments and spot saved (negative: unused commitment)</source>
        <translation>按需等价成本减去实际成本：承诺用量和竞价实例节省的金额（负值：未用完的承诺）</translation>
    </message>
    <message>
        <source>Service / resource</source>
        <translation>服务 / 资源</translation>
    </message>
    <message>
        <source>Effective cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation>按需等价成本</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>明细项</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostsView</name>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Import FOCUS CSV…</source>
        <translation>导入 FOCUS CSV…</translation>
    </message>
    <message>
        <source>Import a FOCUS CSV file</source>
        <translation>导入 FOCUS CSV 文件</translation>
    </message>
    <message>
        <source>Total (effective)</source>
        <translation>合计（实际）</translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation>消耗速率</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>本月预测</translation>
    </message>
    <message>
        <source>Savings vs on-demand</source>
        <translation>相对按需的节省</translation>
    </message>
    <message>
        <source>By service</source>
        <translation>按服务</translation>
    </message>
    <message>
        <source>Cost by service</source>
        <translation>各服务成本</translation>
    </message>
    <message>
        <source>Over time by pricing category</source>
        <translation>按计价类别随时间变化</translation>
    </message>
    <message>
        <source>Cost over time by pricing category</source>
        <translation>按计价类别的成本随时间变化</translation>
    </message>
    <message>
        <source>Costs by service and resource</source>
        <translation>按服务和资源的成本</translation>
    </message>
    <message>
        <source>Filter services and resources</source>
        <translation>筛选服务和资源</translation>
    </message>
    <message>
        <source>Filter services and resources…</source>
        <translation>筛选服务和资源…</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Import FOCUS…</source>
        <translation>导入 FOCUS…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the breakdown as CSV</source>
        <translation>将明细导出为 CSV</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export the view as a PNG image</source>
        <translation>将视图导出为 PNG 图像</translation>
    </message>
    <message>
        <source>FOCUS import progress</source>
        <translation>FOCUS 导入进度</translation>
    </message>
    <message>
        <source>Billed %1, on-demand equivalent %2, %3 line items</source>
        <translation>账单金额 %1，按需等价 %2，共 %3 个明细项</translation>
    </message>
    <message>
        <source>%1 / h</source>
        <translation>%1 / 小时</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Month to date %1, extrapolated linearly to the end of the month</source>
        <translation>本月至今 %1，按线性外推至月底</translation>
    </message>
    <message>
        <source>No forecast from the billing backend yet</source>
        <translation>尚未收到计费后端的预测</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>竞价</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Per day (UTC) by pricing category</source>
        <translation>每天（UTC）按计价类别</translation>
    </message>
    <message>
        <source>Per hour (UTC) by pricing category</source>
        <translation>每小时（UTC）按计价类别</translation>
    </message>
    <message>
        <source>Importing… %p%</source>
        <translation>正在导入… %p%</translation>
    </message>
    <message>
        <source>%1: %2 rows imported, %3 rejected</source>
        <translation>%1：已导入 %2 行，拒绝 %3 行</translation>
    </message>
    <message>
        <source>line %1 %2: %3</source>
        <translation>第 %1 行 %2：%3</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Import FOCUS CSV</source>
        <translation>导入 FOCUS CSV</translation>
    </message>
    <message>
        <source>FOCUS CSV (*.csv);;All files (*)</source>
        <translation>FOCUS CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export costs as CSV</source>
        <translation>将成本导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export costs as PNG</source>
        <translation>将成本导出为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No costs yet&lt;/h3&gt;&lt;p&gt;Charges appear here as soon as a billing backend streams them (File ▸ Connect…, or run with --demo), or import a FOCUS CSV export from a cloud provider.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;尚无成本&lt;/h3&gt;&lt;p&gt;计费后端开始推送费用后，费用会立即显示在这里（文件 ▸ 连接…，或使用 --demo 运行），也可以导入云服务商的 FOCUS CSV 导出文件。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsModel</name>
    <message>
        <source>First: %1
Last: %2</source>
        <translation>首次：%1
最近：%2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>最近出现（UTC）</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsView</name>
    <message>
        <source>Dropped input by source and reason</source>
        <translation>按来源和原因统计的丢弃输入</translation>
    </message>
    <message>
        <source>No bad input seen. Malformed or out-of-range data from any backend is dropped, counted and listed here.</source>
        <translation>未发现错误输入。来自任何后端的格式错误或超出范围的数据都会被丢弃、计数并在此列出。</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) dropped</source>
        <translation>
            <numerusform>已丢弃 %n 条输入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> for %n reason(s).</source>
        <translation>
            <numerusform>，涉及 %n 种原因。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>A new language applies the next time OpsDeck starts</source>
        <translation>更改语言后将在下次启动 OpsDeck 时生效</translation>
    </message>
    <message>
        <source>The new language applies the next time OpsDeck starts</source>
        <translation>新语言将在下次启动 OpsDeck 时生效</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LatencyHistogram</name>
    <message>
        <source>Latency distribution</source>
        <translation>延迟分布</translation>
    </message>
    <message>
        <source>latency (ms, log)</source>
        <translation>延迟（毫秒，对数）</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>calls per bin</source>
        <translation>每个区间的调用数</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Select a method to see its latency distribution</source>
        <translation>选择一个方法以查看其延迟分布</translation>
    </message>
    <message>
        <source>%1: no calls in the last minute</source>
        <translation>%1：最近一分钟内没有调用</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) in the last minute</source>
        <translation>
            <numerusform>%1：最近一分钟内 %n 次调用</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesChannelzView</name>
    <message>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>已发起</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Last call (UTC)</source>
        <translation>最近调用（UTC）</translation>
    </message>
    <message>
        <source>channelz servers, channels and sockets</source>
        <translation>channelz 服务器、通道和套接字</translation>
    </message>
    <message>
        <source>&lt;b&gt;No channelz data.&lt;/b&gt;&lt;br&gt;Point the console at a gRPC server with channelz enabled.</source>
        <translation>&lt;b&gt;没有 channelz 数据。&lt;/b&gt;&lt;br&gt;请将控制台指向已启用 channelz 的 gRPC 服务器。</translation>
    </message>
    <message>
        <source>socket %1  %2 → %3</source>
        <translation>套接字 %1  %2 → %3</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>已发送 %1 条消息，已接收 %2 条</translation>
    </message>
    <message>
        <source>subchannel %1  %2</source>
        <translation>子通道 %1  %2</translation>
    </message>
    <message>
        <source>channel %1  %2</source>
        <translation>通道 %1  %2</translation>
    </message>
    <message>
        <source>%1 — %2 server(s), %3 channel(s)</source>
        <translation>%1——%2 个服务器，%3 个通道</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1——%2</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>server %1  %2</source>
        <translation>服务器 %1  %2</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesGraph</name>
    <message>
        <source>Service dependency graph</source>
        <translation>服务依赖图</translation>
    </message>
    <message>
        <source>No services seen yet</source>
        <translation>尚未发现服务</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesTableModel</name>
    <message>
        <source>How far p99 stays below the deadline: (deadline − p99) / deadline</source>
        <translation>p99 距截止时间的余量：(截止时间 − p99) / 截止时间</translation>
    </message>
    <message>
        <source>Responses the callee finished after the caller&apos;s deadline had passed</source>
        <translation>被调用方在调用方截止时间过后才完成的响应</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>边</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>not serving</source>
        <translation>未服务</translation>
    </message>
    <message>
        <source>ejected</source>
        <translation>已剔除</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Method / caller / replica</source>
        <translation>方法 / 调用方 / 副本</translation>
    </message>
    <message>
        <source>Calls/s</source>
        <translation>调用/秒</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>p99.9</source>
        <translation>p99.9</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Errors %</source>
        <translation>错误 %</translation>
    </message>
    <message>
        <source>Timeouts %</source>
        <translation>超时 %</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Headroom %</source>
        <translation>余量 %</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>p99 trend (60 s)</source>
        <translation>p99 趋势（60 秒）</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesView</name>
    <message>
        <source>Filter services</source>
        <translation>筛选服务</translation>
    </message>
    <message>
        <source>Filter by service, method, caller or replica</source>
        <translation>按服务、方法、调用方或副本筛选</translation>
    </message>
    <message>
        <source>Rolling window</source>
        <translation>滚动窗口</translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last 1 h</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Row kinds</source>
        <translation>行类型</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>边</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>仅显示问题</translation>
    </message>
    <message>
        <source>Show only rows with warnings</source>
        <translation>仅显示带警告的行</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Current chart as PNG…</source>
        <translation>当前图表导出为 PNG…</translation>
    </message>
    <message>
        <source>Current chart as CSV…</source>
        <translation>当前图表导出为 CSV…</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>表格导出为 CSV…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>延迟百分位数</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Timeouts, errors and retries</source>
        <translation>超时、错误和重试</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>Service charts</source>
        <translation>服务图表</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Timeouts &amp;&amp; errors</source>
        <translation>超时和错误</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>依赖关系</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>截止时间 %1</translation>
    </message>
    <message>
        <source> timeouts</source>
        <translation> 超时</translation>
    </message>
    <message>
        <source> other errors</source>
        <translation> 其他错误</translation>
    </message>
    <message>
        <source> retries</source>
        <translation> 重试</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>Export chart as CSV</source>
        <translation>将图表导出为 CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No service telemetry yet.&lt;/b&gt;&lt;br&gt;Connect to an RPC backend (opsdeck-mesh; File ▸ Connect…), point an OpenTelemetry SDK at the OTLP receiver, open a recording, or run with --demo.</source>
        <translation>&lt;b&gt;尚无服务遥测。&lt;/b&gt;&lt;br&gt;连接 RPC 后端（opsdeck-mesh；文件 ▸ 连接…）、将 OpenTelemetry SDK 指向 OTLP 接收器、打开录制文件，或使用 --demo 运行。</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationLogModel</name>
    <message>
        <source>%1 (other console)</source>
        <translation>%1（其他控制台）</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发起者</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationMembersModel</name>
    <message>
        <source>Member %1
Scenario: %2</source>
        <translation>成员 %1
场景：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近步数</translation>
    </message>
    <message>
        <source>Sim time</source>
        <translation>仿真时间</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationView</name>
    <message>
        <source>Sim time:</source>
        <translation>仿真时间：</translation>
    </message>
    <message>
        <source>Epoch time (YYYYDDD.HHMMSS):</source>
        <translation>历元时间（YYYYDDD.HHMMSS）：</translation>
    </message>
    <message>
        <source>Δt:</source>
        <translation>Δt：</translation>
    </message>
    <message>
        <source>Real-time factor:</source>
        <translation>实时倍率：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>%1 the simulation</source>
        <translation>%1仿真</translation>
    </message>
    <message>
        <source>No simulation</source>
        <translation>无仿真</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Not connected to the bridge. Showing the last state received.</source>
        <translation>未连接到桥。显示最近收到的状态。</translation>
    </message>
    <message>
        <source>Not connected to the bridge (%1). Showing the last state received.</source>
        <translation>未连接到桥（%1）。显示最近收到的状态。</translation>
    </message>
    <message>
        <source>Not connected to a bridge.</source>
        <translation>未连接到桥。</translation>
    </message>
    <message>
        <source>Your token does not have the operator role.</source>
        <translation>您的令牌没有操作员角色。</translation>
    </message>
    <message>
        <source>Not possible while the simulation is %1.</source>
        <translation>仿真处于“%1”状态时无法执行。</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to the control module.</source>
        <translation>向控制模块发送“%1”。</translation>
    </message>
    <message>
        <source>Freeze the simulation?</source>
        <translation>冻结仿真？</translation>
    </message>
    <message>
        <source>Stop the simulation?</source>
        <translation>停止仿真？</translation>
    </message>
    <message>
        <source>Every member will hold at the last time-advance point until the simulation is resumed.</source>
        <translation>所有成员将停在最近一次时间推进点，直到仿真恢复。</translation>
    </message>
    <message>
        <source>The simulation run ends for every member. It can only be reset to Init afterwards.</source>
        <translation>所有成员的仿真运行将结束。之后只能重置到 Init。</translation>
    </message>
    <message>
        <source>No simulation clock yet. Connect to a DDS-bridge (File ▸ Connect…) or run with --demo to see and control the simulation.</source>
        <translation>尚无仿真时钟。连接 DDS 网桥（文件 ▸ 连接…）或使用 --demo 运行，即可查看和控制仿真。</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineBar</name>
    <message>
        <source>Timeline seek bar</source>
        <translation>时间线定位条</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineView</name>
    <message>
        <source>%1 UTC  (+%2%3)</source>
        <translation>%1 UTC  （+%2%3）</translation>
    </message>
    <message>
        <source>No recording open — File ▸ Open Recording…, drop a .opsrec file here, or run with --replay FILE.</source>
        <translation>未打开录制文件——文件 ▸ 打开录制…，将 .opsrec 文件拖放到此处，或使用 --replay 文件 运行。</translation>
    </message>
    <message>
        <source>Open Recording…</source>
        <translation>打开录制…</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>Previous mark</source>
        <translation>上一个标记</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>Next mark</source>
        <translation>下一个标记</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfModel</name>
    <message>
        <source>On-demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>竞价</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 h/day</source>
        <translation>%1 小时/天</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>cheaper at any utilisation, but may be interrupted</source>
        <translation>在任何利用率下都更便宜，但可能被中断</translation>
    </message>
    <message>
        <source>on-demand is cheaper below %1 h/day</source>
        <translation>每天少于 %1 小时时按需更便宜</translation>
    </message>
    <message>
        <source>cheaper than on-demand above %1 h/day</source>
        <translation>每天超过 %1 小时时比按需更便宜</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Saving vs on-demand</source>
        <translation>相对按需的节省</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>盈亏平衡点</translation>
    </message>
    <message>
        <source>When it pays</source>
        <translation>何时划算</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfPanel</name>
    <message>
        <source>As measured</source>
        <translation>按实测</translation>
    </message>
    <message>
        <source>Use the measured hours per day</source>
        <translation>使用实测的每日小时数</translation>
    </message>
    <message>
        <source>Running hours per day</source>
        <translation>每日运行小时数</translation>
    </message>
    <message>
        <source> h/day</source>
        <translation> 小时/天</translation>
    </message>
    <message>
        <source>No instance usage priced yet.</source>
        <translation>尚无已计价的实例用量。</translation>
    </message>
    <message>
        <source>What-if pricing options</source>
        <translation>假设分析计价选项</translation>
    </message>
    <message>
        <source>Cost against running hours per day</source>
        <translation>成本与每日运行小时数的关系</translation>
    </message>
    <message>
        <source>Running hours per day:</source>
        <translation>每日运行小时数：</translation>
    </message>
    <message>
        <source>No instance usage in this range to re-price.</source>
        <translation>此范围内没有可重新计价的实例用量。</translation>
    </message>
    <message>
        <source>%1 pays off above %2 h/day. </source>
        <translation>%1 在每天超过 %2 小时时更划算。</translation>
    </message>
    <message>
        <source>%1 instances over %2 days at %3 h/day: on-demand %4, cheapest %5 (%6). %7</source>
        <translation>%1 个实例，%2 天，每天 %3 小时：按需 %4，最便宜 %5（%6）。%7</translation>
    </message>
    <message>
        <source>running hours per day</source>
        <translation>每日运行小时数</translation>
    </message>
</context>
</TS>
