<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>opsdeck::app</name>
    <message>
        <source>OpsDeck: operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.</source>
        <translation>OpsDeck: операционная консоль для распределённой сетевой симуляции (DDS-мост), сетки gRPC-сервисов и биллингового бэкенда.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>DDS-bridge address: grpc[s]://host:port.</source>
        <translation>Адрес DDS-моста: grpc[s]://хост:порт.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh) address: grpc[s]://host:port.</source>
        <translation>Адрес телеметрии (RPC-сетка): grpc[s]://хост:порт.</translation>
    </message>
    <message>
        <source>Billing address: grpc[s]://host:port.</source>
        <translation>Адрес биллинга: grpc[s]://хост:порт.</translation>
    </message>
    <message>
        <source>Bearer token for all backends (not saved; visible to other local users in the process list, prefer File &gt; Connect).</source>
        <translation>Bearer-токен для всех бэкендов (не сохраняется; виден другим локальным пользователям в списке процессов, лучше используйте Файл &gt; Подключиться).</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>ТОКЕН</translation>
    </message>
    <message>
        <source>After start-up and the first 3D frame, save the window as a PNG and exit (0 on success).</source>
        <translation>После запуска и первого 3D-кадра сохранить окно в PNG и выйти (0 при успехе).</translation>
    </message>
    <message>
        <source>Start full screen.</source>
        <translation>Запуск в полноэкранном режиме.</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>Цветовая тема: light (светлая) или dark (тёмная).</translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <source>Dock layout: %1.</source>
        <translation>Раскладка панелей: %1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1600x1000.</source>
        <translation>Размер окна в пикселях, например 1600x1000.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>ШxВ</translation>
    </message>
    <message>
        <source>Run with --help for the options.</source>
        <translation>Запустите с --help, чтобы увидеть параметры.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Неожиданный аргумент: %1</translation>
    </message>
    <message>
        <source>--replay: no such file: %1</source>
        <translation>--replay: файл не найден: %1</translation>
    </message>
    <message>
        <source>--token: the token is empty</source>
        <translation>--token: токен пуст</translation>
    </message>
    <message>
        <source>--screenshot: the file name is empty</source>
        <translation>--screenshot: имя файла пусто</translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not a theme; use light or dark</source>
        <translation>--theme: «%1» — не тема; используйте light или dark</translation>
    </message>
    <message>
        <source>--layout: &apos;%1&apos; is not a layout; use one of %2</source>
        <translation>--layout: «%1» — не раскладка; используйте одну из: %2</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not a window size; use WxH between 320x240 and 16384x16384</source>
        <translation>--size: «%1» — не размер окна; используйте ШxВ от 320x240 до 16384x16384</translation>
    </message>
    <message>
        <source>Start the simulation, DDS-bridge, service mesh and billing backends in this process on loopback, connect to them and play the demo story.</source>
        <translation>Запустить в этом процессе на loopback симуляцию, DDS-мост, сервисную сеть и биллинг, подключиться к ним и проиграть демо-сценарий.</translation>
    </message>
    <message>
        <source>Open a recording (.opsrec) on the timeline; live connections stay off.</source>
        <translation>Открыть запись (.opsrec) на временной шкале; живые подключения остаются выключенными.</translation>
    </message>
    <message>
        <source>Headless recorder: connect to --bridge/--telemetry/--billing and record everything to FILE without a window until SIGINT or SIGTERM.</source>
        <translation>Фоновая запись: подключиться к --bridge/--telemetry/--billing и записывать всё в ФАЙЛ без окна до SIGINT или SIGTERM.</translation>
    </message>
    <message>
        <source>With --record: start a new file every MB megabytes.</source>
        <translation>С --record: начинать новый файл каждые MB мегабайт.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>With --record: start a new file every N minutes.</source>
        <translation>С --record: начинать новый файл каждые N минут.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--record: the file name is empty</source>
        <translation>--record: имя файла пустое</translation>
    </message>
    <message>
        <source>--record: %1 exists; a recording is never overwritten</source>
        <translation>--record: %1 уже существует; запись никогда не перезаписывается</translation>
    </message>
    <message>
        <source>--record cannot be combined with --replay or --demo</source>
        <translation>--record нельзя сочетать с --replay или --demo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a positive whole number</source>
        <translation>«%1» не является целым положительным числом</translation>
    </message>
    <message>
        <source>--%1 needs --record FILE</source>
        <translation>--%1 требует --record ФАЙЛ</translation>
    </message>
    <message>
        <source>With --demo: the DDS domain of its simulation and bridge (0-232, default 31; two demos on one machine need two domains).</source>
        <translation>С --demo: DDS-домен её симуляции и моста (0-232, по умолчанию 31; двум демо на одной машине нужны два домена).</translation>
    </message>
    <message>
        <source>--demo-domain: &apos;%1&apos; is not a DDS domain (0-232)</source>
        <translation>--demo-domain: «%1» — не DDS-домен (0-232)</translation>
    </message>
    <message>
        <source>--demo-domain needs --demo</source>
        <translation>--demo-domain требует --demo</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Console</name>
    <message>
        <source>No topology yet — not connected to a DDS-bridge (File ▸ Connect…, or run with --demo). The grid is the ground plane: 10 m squares, east in red, north in green, up in blue.</source>
        <translation>Топологии пока нет — нет подключения к DDS-мосту (Файл ▸ Подключиться… или запуск с --demo). Сетка — плоскость земли: квадраты 10 м, восток красным, север зелёным, верх синим.</translation>
    </message>
    <message>
        <source>No topology yet — waiting for the DDS-bridge&apos;s nodes (File ▸ Connect…, or run with --demo).</source>
        <translation>Топологии пока нет — ожидание узлов от DDS-моста (Файл ▸ Подключиться… или запуск с --demo).</translation>
    </message>
    <message>
        <source>● REC %1</source>
        <translation>● ЗАП %1</translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation>Не удаётся записать</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %1 (%n envelopes).</source>
        <translation>
            <numerusform>Записано %1 (%n конверт).</numerusform>
            <numerusform>Записано %1 (%n конверта).</numerusform>
            <numerusform>Записано %1 (%n конвертов).</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying %1 — live connections are paused (File ▸ Close Recording and Go Live).</source>
        <translation>Воспроизведение %1 — живые подключения приостановлены (Файл ▸ Закрыть запись и вернуться к живым данным).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged. Everything that could be read is on the timeline%2.

%3</source>
        <translation>Файл %1 повреждён. Всё, что удалось прочитать, находится на временной шкале%2.

%3</translation>
    </message>
    <message>
        <source> (recovered page by page)</source>
        <translation> (восстановлено постранично)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Не удаётся открыть %1: %2</translation>
    </message>
    <message>
        <source>Damaged recording at %1: %2</source>
        <translation>Повреждённая запись в %1: %2</translation>
    </message>
    <message>
        <source>Exported the range to %1</source>
        <translation>Диапазон экспортирован в %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Paused while replaying a recording</source>
        <translation>Приостановлено во время воспроизведения записи</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>Записать в</translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec)</source>
        <translation>Записи OpsDeck (*.opsrec)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Открыть запись</translation>
    </message>
    <message>
        <source>OpsDeck recordings (*.opsrec);;All files (*)</source>
        <translation>Записи OpsDeck (*.opsrec);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Damaged recording</source>
        <translation>Повреждённая запись</translation>
    </message>
    <message>
        <source>Export Range</source>
        <translation>Экспорт диапазона</translation>
    </message>
    <message>
        <source>From (seconds after the start, 0 – %1):</source>
        <translation>С (секунд от начала, 0 – %1):</translation>
    </message>
    <message>
        <source>To (seconds after the start, %1 – %2):</source>
        <translation>По (секунд от начала, %1 – %2):</translation>
    </message>
    <message>
        <source>Export Range to</source>
        <translation>Экспортировать диапазон в</translation>
    </message>
    <message>
        <source>Copied the state at %1 as CSV.</source>
        <translation>Состояние на %1 скопировано как CSV.</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::DemoController</name>
    <message>
        <source>The demo could not start: %1</source>
        <translation>Не удалось запустить демо: %1</translation>
    </message>
    <message>
        <source>Demo failed to start</source>
        <translation>Демо не запустилось</translation>
    </message>
    <message>
        <source>Demo step failed</source>
        <translation>Шаг демо не выполнен</translation>
    </message>
    <message>
        <source>Demo: simulation, DDS-bridge, service mesh and billing running in this process on loopback.</source>
        <translation>Демо: симуляция, DDS-мост, сервисная сеть и биллинг работают в этом процессе на loopback.</translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation>&amp;Презентация</translation>
    </message>
    <message>
        <source>Presenter &amp;Mode</source>
        <translation>&amp;Режим презентации</translation>
    </message>
    <message>
        <source>Camera &amp;Tour</source>
        <translation>&amp;Облёт камерой</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Закладки</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::HeadlessRecorder</name>
    <message>
        <source>--record needs at least one of --bridge, --telemetry, --billing</source>
        <translation>--record требует хотя бы один из --bridge, --telemetry, --billing</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::Layouts</name>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>&amp;Analyst</source>
        <translation>&amp;Аналитик</translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation>&amp;Докладчик</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::LiveClients</name>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>повтор через %n с</numerusform>
            <numerusform>повтор через %n с</numerusform>
            <numerusform>повтор через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No address: File ▸ Connect… or --%1 URL</source>
        <translation>Нет адреса: Файл ▸ Подключиться… или --%1 URL</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::MainWindow</name>
    <message>
        <source>No topology yet</source>
        <translation>Топологии пока нет</translation>
    </message>
    <message>
        <source>Not connected to a DDS-bridge — %1</source>
        <translation>Нет подключения к DDS-мосту — %1</translation>
    </message>
    <message>
        <source>No service latency yet</source>
        <translation>Данных о задержках сервисов пока нет</translation>
    </message>
    <message>
        <source>Not connected to a telemetry backend (the gRPC service mesh) — %1</source>
        <translation>Нет подключения к бэкенду телеметрии (сетка gRPC-сервисов) — %1</translation>
    </message>
    <message>
        <source>No costs yet</source>
        <translation>Данных о затратах пока нет</translation>
    </message>
    <message>
        <source>Not connected to a billing backend — %1</source>
        <translation>Нет подключения к биллинговому бэкенду — %1</translation>
    </message>
    <message>
        <source>No simulation to control</source>
        <translation>Нет симуляции для управления</translation>
    </message>
    <message>
        <source>Start, freeze, resume and stop need a DDS-bridge. Not connected — %1</source>
        <translation>Для запуска, заморозки, возобновления и остановки нужен DDS-мост. Нет подключения — %1</translation>
    </message>
    <message>
        <source>Nothing on the timeline yet</source>
        <translation>На временной шкале пока ничего нет</translation>
    </message>
    <message>
        <source>No diagnostics</source>
        <translation>Диагностики нет</translation>
    </message>
    <message>
        <source>Dropped bad input is listed here.</source>
        <translation>Здесь перечисляются отброшенные некорректные входные данные.</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>Подключений нет</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>Topology 3D</source>
        <translation>Топология 3D</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Сервисы</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Затраты</translation>
    </message>
    <message>
        <source>Simulation control</source>
        <translation>Управление симуляцией</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Подключиться…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Раскладка</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Светлая</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Полный экран</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation>&amp;О программе OpsDeck</translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation>О программе OpsDeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;Operations console for a distributed network simulation (DDS-bridge), a gRPC service mesh and a billing backend.&lt;/p&gt;&lt;p&gt;Qt %2, OpenSceneGraph, gRPC, Protocol Buffers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;Операционная консоль для распределённой сетевой симуляции (DDS-мост), сетки gRPC-сервисов и биллингового бэкенда.&lt;/p&gt;&lt;p&gt;Qt %2, OpenSceneGraph, gRPC, Protocol Buffers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter its address, or run with --demo.</source>
        <translation>Файл ▸ Подключиться…, чтобы ввести адрес, или запуск с --demo.</translation>
    </message>
    <message>
        <source>Open a recording (File ▸ Open Recording…, drag and drop, --replay FILE) to move through it here; File ▸ Record saves what the connected backends send. Not connected to any backend — %1</source>
        <translation>Откройте запись (Файл ▸ Открыть запись…, перетаскивание, --replay ФАЙЛ), чтобы перемещаться по ней здесь; Файл ▸ Запись сохраняет то, что присылают подключённые бэкенды. Нет подключения ни к одному бэкенду — %1</translation>
    </message>
    <message>
        <source>File ▸ Connect… to enter backend addresses, or run with --demo.</source>
        <translation>Файл ▸ Подключиться…, чтобы ввести адреса бэкендов, или запуск с --demo.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Ничего не выбрано</translation>
    </message>
    <message>
        <source>Click a node or a link in the 3D topology to see its state, links and routes.</source>
        <translation>Щёлкните узел или связь в 3D-топологии, чтобы увидеть его состояние, связи и маршруты.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>&amp;Переподключиться сейчас</translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation>Пропустить ожидание повтора для всех неподключённых бэкендов</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>&amp;Открыть запись…</translation>
    </message>
    <message>
        <source>Close Recording and Go &amp;Live</source>
        <translation>Закрыть запись и вернуться к &amp;живым данным</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <source>Record everything the console receives to a .opsrec file (Ctrl+R)</source>
        <translation>Записывать всё, что получает консоль, в файл .opsrec (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Export Range…</source>
        <translation>&amp;Экспорт диапазона…</translation>
    </message>
    <message>
        <source>Copy State as &amp;CSV</source>
        <translation>Копировать состояние как &amp;CSV</translation>
    </message>
    <message>
        <source>Nodes, links, routes, services and costs at the cursor (or now) to the clipboard</source>
        <translation>Узлы, связи, маршруты, сервисы и затраты на позиции курсора (или сейчас) в буфер обмена</translation>
    </message>
    <message>
        <source>Play / Pause</source>
        <translation>Воспроизведение / пауза</translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation>Шаг назад</translation>
    </message>
    <message>
        <source>Step Forward</source>
        <translation>Шаг вперёд</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation>Состояние записи</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::RecordController</name>
    <message numerus="yes">
        <source>● REC %1 — %2, %3, %n envelopes</source>
        <translation>
            <numerusform>● ЗАП %1 — %2, %3, %n конверт</numerusform>
            <numerusform>● ЗАП %1 — %2, %3, %n конверта</numerusform>
            <numerusform>● ЗАП %1 — %2, %3, %n конвертов</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 dropped</source>
        <translation>, потеряно %1</translation>
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
        <translation>снимок экрана: окно не было показано с отрисованным 3D-кадром вовремя</translation>
    </message>
    <message>
        <source>screenshot: grabbing the window gave no image</source>
        <translation>снимок экрана: захват окна не дал изображения</translation>
    </message>
    <message>
        <source>screenshot: cannot write %1: %2</source>
        <translation>снимок экрана: не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>screenshot: wrote %1 (%2x%3)</source>
        <translation>снимок экрана: записан %1 (%2x%3)</translation>
    </message>
</context>
<context>
    <name>opsdeck::app::TopologyMenu</name>
    <message>
        <source>&amp;Topology</source>
        <translation>&amp;Топология</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Показать всё</translation>
    </message>
    <message>
        <source>&amp;Top View</source>
        <translation>Вид с&amp;верху</translation>
    </message>
    <message>
        <source>&amp;Perspective View</source>
        <translation>&amp;Перспектива</translation>
    </message>
    <message>
        <source>F&amp;ollow Selected Node</source>
        <translation>С&amp;ледовать за выбранным узлом</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Colour Links by &amp;Quality</source>
        <translation>Цвет связей по &amp;качеству</translation>
    </message>
    <message>
        <source>Colour Links by &amp;Latency</source>
        <translation>Цвет связей по &amp;задержке</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Узлы</translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Kind and Status</source>
        <translation>Цвет узлов по &amp;типу и состоянию</translation>
    </message>
    <message>
        <source>Colour Nodes by &amp;Cost</source>
        <translation>Цвет узлов по &amp;стоимости</translation>
    </message>
    <message>
        <source>What each node has cost so far, from the billing backend (Costs panel)</source>
        <translation>Сколько стоил каждый узел до сих пор, по данным биллинга (панель «Затраты»)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>T&amp;rails</source>
        <translation>&amp;Следы</translation>
    </message>
    <message>
        <source>&amp;Stalks to the Ground</source>
        <translation>&amp;Линии к земле</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <source>&amp;Animate Route Flows</source>
        <translation>&amp;Анимировать потоки маршрутов</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::GlProbe</name>
    <message>
        <source>OpenGL is not available on the &quot;%1&quot; display platform, so the 3D view cannot be shown. Run on a desktop or under Xvfb (xvfb-run).</source>
        <translation>OpenGL недоступен на платформе отображения «%1», поэтому 3D-вид не может быть показан. Запустите на рабочем столе или под Xvfb (xvfb-run).</translation>
    </message>
    <message>
        <source>No OpenGL context could be created on this display (platform &quot;%1&quot;). Check the graphics driver (Mesa) or run under Xvfb.</source>
        <translation>Не удалось создать контекст OpenGL на этом дисплее (платформа «%1»). Проверьте графический драйвер (Mesa) или запустите под Xvfb.</translation>
    </message>
    <message>
        <source>An OpenGL context was created but could not be made current (platform &quot;%1&quot;).</source>
        <translation>Контекст OpenGL создан, но его не удалось сделать текущим (платформа «%1»).</translation>
    </message>
    <message>
        <source>The OpenGL driver reported no renderer.</source>
        <translation>Драйвер OpenGL не сообщил о рендерере.</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::OsgWidget</name>
    <message>
        <source>3D topology view</source>
        <translation>3D-вид топологии</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyDetails</name>
    <message>
        <source>aircraft</source>
        <translation>воздушное судно</translation>
    </message>
    <message>
        <source>ground station</source>
        <translation>наземная станция</translation>
    </message>
    <message>
        <source>satellite</source>
        <translation>спутник</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>ретранслятор</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>норма</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>ухудшено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>landed</source>
        <translation>приземлилось</translation>
    </message>
    <message>
        <source>Selected node or link</source>
        <translation>Выбранный узел или канал</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Nothing selected. Click a node or a link in the 3D view.</source>
        <translation>Ничего не выбрано. Щёлкните узел или канал в 3D-виде.</translation>
    </message>
    <message>
        <source>Node #%1 is no longer in the topology.</source>
        <translation>Узла №%1 больше нет в топологии.</translation>
    </message>
    <message>
        <source>Link %1–%2 is no longer up.</source>
        <translation>Канал %1–%2 больше не работает.</translation>
    </message>
    <message>
        <source>%1 (node #%2, %3)</source>
        <translation>%1 (узел №%2, %3)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>без имени</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Положение</translation>
    </message>
    <message>
        <source>%1°, %2°, %3 m</source>
        <translation>%1°, %2°, %3 м</translation>
    </message>
    <message>
        <source>ENU</source>
        <translation>ENU</translation>
    </message>
    <message>
        <source>%1, %2, %3 km</source>
        <translation>%1, %2, %3 км</translation>
    </message>
    <message>
        <source>Heading / speed</source>
        <translation>Курс / скорость</translation>
    </message>
    <message>
        <source>%1° / %2 m/s</source>
        <translation>%1° / %2 м/с</translation>
    </message>
    <message>
        <source>Step / sim time</source>
        <translation>Шаг / время симуляции</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 с</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Каналы (%1)</translation>
    </message>
    <message>
        <source>quality %1, %2 ms, %3 Mbit/s</source>
        <translation>качество %1, %2 мс, %3 Мбит/с</translation>
    </message>
    <message>
        <source>Routes through it (%1)</source>
        <translation>Маршруты через узел (%1)</translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation>поток %1</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 мс)</translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation>Канал %1 – %2</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>SNR</source>
        <translation>ОСШ</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 дБ</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Пропускная способность</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Мбит/с</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>Routing cost</source>
        <translation>Стоимость маршрутизации</translation>
    </message>
    <message>
        <source>Routes over it</source>
        <translation>Маршруты через канал</translation>
    </message>
    <message>
        <source>%1 ms end to end</source>
        <translation>%1 мс из конца в конец</translation>
    </message>
    <message>
        <source>Routes over it (%1)</source>
        <translation>Маршруты через канал (%1)</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>Стоимость до сих пор</translation>
    </message>
    <message>
        <source>Effective (amortised)</source>
        <translation>Эффективная (с амортизацией)</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Выставлено</translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation>Эквивалент по запросу</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Экономия</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Share of all nodes</source>
        <translation>Доля от всех узлов</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::TopologyLegend</name>
    <message>
        <source>Link quality</source>
        <translation>Качество канала</translation>
    </message>
    <message>
        <source>Link latency (one way)</source>
        <translation>Задержка канала (в одну сторону)</translation>
    </message>
    <message>
        <source>0 (unusable)</source>
        <translation>0 (непригоден)</translation>
    </message>
    <message>
        <source>≥ %1 ms</source>
        <translation>≥ %1 мс</translation>
    </message>
    <message>
        <source>1 (perfect)</source>
        <translation>1 (идеален)</translation>
    </message>
    <message>
        <source>0 ms</source>
        <translation>0 мс</translation>
    </message>
    <message>
        <source>aircraft</source>
        <translation>воздушное судно</translation>
    </message>
    <message>
        <source>ground</source>
        <translation>наземн.</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>ухудшен</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>Colour legend</source>
        <translation>Легенда цветов</translation>
    </message>
    <message>
        <source>Nodes by kind and status</source>
        <translation>Узлы по типу и состоянию</translation>
    </message>
    <message>
        <source>Node cost so far (effective)</source>
        <translation>Стоимость узла до сих пор (эффективная)</translation>
    </message>
    <message>
        <source>no cost data for these nodes yet</source>
        <translation>для этих узлов ещё нет данных о стоимости</translation>
    </message>
    <message>
        <source>%1 of %2 nodes billed, %3 in all</source>
        <translation>счёт выставлен за %1 из %2 узлов, всего %3</translation>
    </message>
    <message>
        <source>no cost data</source>
        <translation>нет данных о стоимости</translation>
    </message>
    <message>
        <source>route</source>
        <translation>маршрут</translation>
    </message>
</context>
<context>
    <name>opsdeck::views3d::View3D</name>
    <message>
        <source>Topology 3D</source>
        <translation>Топология 3D</translation>
    </message>
    <message>
        <source>&lt;b&gt;No 3D view&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Нет 3D-вида&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>3D view unavailable</source>
        <translation>3D-вид недоступен</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionLights</name>
    <message>
        <source>Backend connections</source>
        <translation>Подключения к бэкендам</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsDialog</name>
    <message>
        <source>Connect to backends</source>
        <translation>Подключение к бэкендам</translation>
    </message>
    <message>
        <source>Addresses are grpcs://host:port (TLS) or grpc://host:port (plaintext, which the console uses only on this machine&apos;s loopback). Leave an address empty to not use that backend.</source>
        <translation>Адреса имеют вид grpcs://хост:порт (TLS) или grpc://хост:порт (без шифрования; консоль использует его только на loopback этой машины). Оставьте адрес пустым, чтобы не использовать этот бэкенд.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Файл сертификата УЦ</translation>
    </message>
    <message>
        <source>system roots</source>
        <translation>корневые сертификаты системы</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Файл клиентского сертификата</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Файл клиентского ключа</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-токен</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>Сертификат &amp;УЦ:</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>Сертификат УЦ (PEM)</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Клиентский с&amp;ертификат:</translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation>Клиентский сертификат (PEM)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Клиентский &amp;ключ:</translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation>Клиентский ключ (PEM)</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Токен:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Выбрать: %1</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt *.key);;Все файлы (*)</translation>
    </message>
    <message>
        <source>%1: cannot read &apos;%2&apos;</source>
        <translation>%1: не удаётся прочитать «%2»</translation>
    </message>
    <message>
        <source>a client certificate needs both a certificate and a key file</source>
        <translation>для клиентского сертификата нужны и файл сертификата, и файл ключа</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsModel</name>
    <message>
        <source>DDS-bridge</source>
        <translation>DDS-мост</translation>
    </message>
    <message>
        <source>Telemetry (RPC mesh)</source>
        <translation>Телеметрия (RPC-сетка)</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Биллинг</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Не настроено</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Не подключено</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Since %1 UTC</source>
        <translation>С %1 UTC</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Бэкенд</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Last error / note</source>
        <translation>Последняя ошибка / примечание</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ConnectionsView</name>
    <message>
        <source>Connect…</source>
        <translation>Подключиться…</translation>
    </message>
    <message>
        <source>Backend connections</source>
        <translation>Подключения к бэкендам</translation>
    </message>
    <message>
        <source>Edit backend addresses</source>
        <translation>Изменить адреса бэкендов</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>Переподключиться сейчас</translation>
    </message>
    <message>
        <source>Reconnect every backend that is not connected now</source>
        <translation>Переподключить сейчас все неподключённые бэкенды</translation>
    </message>
    <message>
        <source>Skip the retry wait of every backend that is not connected</source>
        <translation>Пропустить ожидание повтора для всех неподключённых бэкендов</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostTreeModel</name>
    <message>
        <source>On-demand equivalent minus effective cost: what commitments and spot saved (negative: unused commitment)</source>
        <translation>Эквивалент по запросу минус фактическая стоимость: что сэкономили обязательства и spot (отрицательное: неиспользованное обязательство)</translation>
    </message>
    <message>
        <source>Service / resource</source>
        <translation>Сервис / ресурс</translation>
    </message>
    <message>
        <source>Effective cost</source>
        <translation>Фактическая стоимость</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Выставлено</translation>
    </message>
    <message>
        <source>On-demand equivalent</source>
        <translation>Эквивалент по запросу</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Экономия</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Использование</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>Позиции</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::CostsView</name>
    <message>
        <source>Costs</source>
        <translation>Затраты</translation>
    </message>
    <message>
        <source>Import FOCUS CSV…</source>
        <translation>Импорт FOCUS CSV…</translation>
    </message>
    <message>
        <source>Import a FOCUS CSV file</source>
        <translation>Импортировать файл FOCUS CSV</translation>
    </message>
    <message>
        <source>Total (effective)</source>
        <translation>Итого (фактически)</translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation>Скорость расходов</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>Прогноз на месяц</translation>
    </message>
    <message>
        <source>Savings vs on-demand</source>
        <translation>Экономия относительно тарифа по запросу</translation>
    </message>
    <message>
        <source>By service</source>
        <translation>По сервисам</translation>
    </message>
    <message>
        <source>Cost by service</source>
        <translation>Затраты по сервисам</translation>
    </message>
    <message>
        <source>Over time by pricing category</source>
        <translation>Во времени по категориям тарификации</translation>
    </message>
    <message>
        <source>Cost over time by pricing category</source>
        <translation>Затраты во времени по категориям тарификации</translation>
    </message>
    <message>
        <source>Costs by service and resource</source>
        <translation>Затраты по сервисам и ресурсам</translation>
    </message>
    <message>
        <source>Filter services and resources</source>
        <translation>Фильтр сервисов и ресурсов</translation>
    </message>
    <message>
        <source>Filter services and resources…</source>
        <translation>Фильтр сервисов и ресурсов…</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Разбивка</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Что если</translation>
    </message>
    <message>
        <source>Import FOCUS…</source>
        <translation>Импорт FOCUS…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Export the breakdown as CSV</source>
        <translation>Экспортировать разбивку в CSV</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
    <message>
        <source>Export the view as a PNG image</source>
        <translation>Экспортировать вид в изображение PNG</translation>
    </message>
    <message>
        <source>FOCUS import progress</source>
        <translation>Ход импорта FOCUS</translation>
    </message>
    <message>
        <source>Billed %1, on-demand equivalent %2, %3 line items</source>
        <translation>Выставлено %1, эквивалент по запросу %2, позиций: %3</translation>
    </message>
    <message>
        <source>%1 / h</source>
        <translation>%1 / ч</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Month to date %1, extrapolated linearly to the end of the month</source>
        <translation>С начала месяца %1, линейная экстраполяция до конца месяца</translation>
    </message>
    <message>
        <source>No forecast from the billing backend yet</source>
        <translation>Прогноза от биллингового бэкенда пока нет</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>По запросу</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>По обязательству</translation>
    </message>
    <message>
        <source>Per day (UTC) by pricing category</source>
        <translation>За день (UTC) по категориям тарификации</translation>
    </message>
    <message>
        <source>Per hour (UTC) by pricing category</source>
        <translation>За час (UTC) по категориям тарификации</translation>
    </message>
    <message>
        <source>Importing… %p%</source>
        <translation>Импорт… %p%</translation>
    </message>
    <message>
        <source>%1: %2 rows imported, %3 rejected</source>
        <translation>%1: импортировано строк: %2, отклонено: %3</translation>
    </message>
    <message>
        <source>line %1 %2: %3</source>
        <translation>строка %1 %2: %3</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Ошибка импорта: %1</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>не удаётся записать %1</translation>
    </message>
    <message>
        <source>Import FOCUS CSV</source>
        <translation>Импорт FOCUS CSV</translation>
    </message>
    <message>
        <source>FOCUS CSV (*.csv);;All files (*)</source>
        <translation>FOCUS CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export costs as CSV</source>
        <translation>Экспорт затрат в CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export costs as PNG</source>
        <translation>Экспорт затрат в PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No costs yet&lt;/h3&gt;&lt;p&gt;Charges appear here as soon as a billing backend streams them (File ▸ Connect…, or run with --demo), or import a FOCUS CSV export from a cloud provider.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Затрат пока нет&lt;/h3&gt;&lt;p&gt;Начисления появятся здесь, как только бэкенд биллинга начнёт их передавать (Файл ▸ Подключиться… или запуск с --demo), либо импортируйте экспорт FOCUS CSV от облачного провайдера.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsModel</name>
    <message>
        <source>First: %1
Last: %2</source>
        <translation>Первый раз: %1
Последний раз: %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Последний раз (UTC)</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::DiagnosticsView</name>
    <message>
        <source>Dropped input by source and reason</source>
        <translation>Отброшенные входные данные по источникам и причинам</translation>
    </message>
    <message>
        <source>No bad input seen. Malformed or out-of-range data from any backend is dropped, counted and listed here.</source>
        <translation>Некорректных входных данных не было. Искажённые или выходящие за допустимые пределы данные от любого бэкенда отбрасываются, подсчитываются и перечисляются здесь.</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) dropped</source>
        <translation>
            <numerusform>Отброшена %n запись</numerusform>
            <numerusform>Отброшено %n записи</numerusform>
            <numerusform>Отброшено %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> for %n reason(s).</source>
        <translation>
            <numerusform> по %n причине.</numerusform>
            <numerusform> по %n причинам.</numerusform>
            <numerusform> по %n причинам.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>A new language applies the next time OpsDeck starts</source>
        <translation>Новый язык применяется при следующем запуске OpsDeck</translation>
    </message>
    <message>
        <source>The new language applies the next time OpsDeck starts</source>
        <translation>Новый язык будет применён при следующем запуске OpsDeck</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::LatencyHistogram</name>
    <message>
        <source>Latency distribution</source>
        <translation>Распределение задержек</translation>
    </message>
    <message>
        <source>latency (ms, log)</source>
        <translation>задержка (мс, лог.)</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>вызовы</translation>
    </message>
    <message>
        <source>calls per bin</source>
        <translation>вызовов на интервал</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>дедлайн</translation>
    </message>
    <message>
        <source>Select a method to see its latency distribution</source>
        <translation>Выберите метод, чтобы увидеть распределение его задержек</translation>
    </message>
    <message>
        <source>%1: no calls in the last minute</source>
        <translation>%1: нет вызовов за последнюю минуту</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) in the last minute</source>
        <translation>
            <numerusform>%1: %n вызов за последнюю минуту</numerusform>
            <numerusform>%1: %n вызова за последнюю минуту</numerusform>
            <numerusform>%1: %n вызовов за последнюю минуту</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesChannelzView</name>
    <message>
        <source>Entity</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начато</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Last call (UTC)</source>
        <translation>Последний вызов (UTC)</translation>
    </message>
    <message>
        <source>channelz servers, channels and sockets</source>
        <translation>Серверы, каналы и сокеты channelz</translation>
    </message>
    <message>
        <source>&lt;b&gt;No channelz data.&lt;/b&gt;&lt;br&gt;Point the console at a gRPC server with channelz enabled.</source>
        <translation>&lt;b&gt;Данных channelz нет.&lt;/b&gt;&lt;br&gt;Укажите консоли gRPC-сервер с включённым channelz.</translation>
    </message>
    <message>
        <source>socket %1  %2 → %3</source>
        <translation>сокет %1  %2 → %3</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>отправлено сообщений: %1, получено: %2</translation>
    </message>
    <message>
        <source>subchannel %1  %2</source>
        <translation>подканал %1  %2</translation>
    </message>
    <message>
        <source>channel %1  %2</source>
        <translation>канал %1  %2</translation>
    </message>
    <message>
        <source>%1 — %2 server(s), %3 channel(s)</source>
        <translation>%1 — серверов: %2, каналов: %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <source>server %1  %2</source>
        <translation>сервер %1  %2</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesGraph</name>
    <message>
        <source>Service dependency graph</source>
        <translation>Граф зависимостей сервисов</translation>
    </message>
    <message>
        <source>No services seen yet</source>
        <translation>Сервисов пока не видно</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesTableModel</name>
    <message>
        <source>How far p99 stays below the deadline: (deadline − p99) / deadline</source>
        <translation>Насколько p99 ниже дедлайна: (дедлайн − p99) / дедлайн</translation>
    </message>
    <message>
        <source>Responses the callee finished after the caller&apos;s deadline had passed</source>
        <translation>Ответы, которые вызываемый сервис завершил после истечения дедлайна вызывающего</translation>
    </message>
    <message>
        <source>method</source>
        <translation>метод</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>ребро</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>реплика</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>обслуживает</translation>
    </message>
    <message>
        <source>not serving</source>
        <translation>не обслуживает</translation>
    </message>
    <message>
        <source>ejected</source>
        <translation>исключена</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Method / caller / replica</source>
        <translation>Метод / вызывающий / реплика</translation>
    </message>
    <message>
        <source>Calls/s</source>
        <translation>Вызовов/с</translation>
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
        <translation>Макс.</translation>
    </message>
    <message>
        <source>Errors %</source>
        <translation>Ошибки, %</translation>
    </message>
    <message>
        <source>Timeouts %</source>
        <translation>Тайм-ауты, %</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздавшие</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Дедлайн</translation>
    </message>
    <message>
        <source>Headroom %</source>
        <translation>Запас, %</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>p99 trend (60 s)</source>
        <translation>Тренд p99 (60 с)</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::ServicesView</name>
    <message>
        <source>Filter services</source>
        <translation>Фильтр сервисов</translation>
    </message>
    <message>
        <source>Filter by service, method, caller or replica</source>
        <translation>Фильтр по сервису, методу, вызывающему или реплике</translation>
    </message>
    <message>
        <source>Rolling window</source>
        <translation>Скользящее окно</translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation>Последняя 1 мин</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>Последние 5 мин</translation>
    </message>
    <message>
        <source>Last 1 h</source>
        <translation>Последний 1 ч</translation>
    </message>
    <message>
        <source>Row kinds</source>
        <translation>Типы строк</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Методы</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>Рёбра</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Реплики</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Все строки</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Только проблемы</translation>
    </message>
    <message>
        <source>Show only rows with warnings</source>
        <translation>Показывать только строки с предупреждениями</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Current chart as PNG…</source>
        <translation>Текущий график в PNG…</translation>
    </message>
    <message>
        <source>Current chart as CSV…</source>
        <translation>Текущий график в CSV…</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Таблицу в CSV…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Экспорт таблицы</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Сервисы</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Перцентили задержки</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>Timeouts, errors and retries</source>
        <translation>Тайм-ауты, ошибки и повторы</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>в секунду</translation>
    </message>
    <message>
        <source>Service charts</source>
        <translation>Графики сервисов</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Распределение</translation>
    </message>
    <message>
        <source>Timeouts &amp;&amp; errors</source>
        <translation>Тайм-ауты &amp;&amp; ошибки</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Зависимости</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>дедлайн %1</translation>
    </message>
    <message>
        <source> timeouts</source>
        <translation> тайм-ауты</translation>
    </message>
    <message>
        <source> other errors</source>
        <translation> прочие ошибки</translation>
    </message>
    <message>
        <source> retries</source>
        <translation> повторы</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Экспорт графика в PNG</translation>
    </message>
    <message>
        <source>Export chart as CSV</source>
        <translation>Экспорт графика в CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No service telemetry yet.&lt;/b&gt;&lt;br&gt;Connect to an RPC backend (opsdeck-mesh; File ▸ Connect…), point an OpenTelemetry SDK at the OTLP receiver, open a recording, or run with --demo.</source>
        <translation>&lt;b&gt;Телеметрии сервисов пока нет.&lt;/b&gt;&lt;br&gt;Подключитесь к RPC-бэкенду (opsdeck-mesh; Файл ▸ Подключиться…), направьте OpenTelemetry SDK на приёмник OTLP, откройте запись или запустите с --demo.</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationLogModel</name>
    <message>
        <source>%1 (other console)</source>
        <translation>%1 (другая консоль)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Инициатор</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationMembersModel</name>
    <message>
        <source>Member %1
Scenario: %2</source>
        <translation>Участник %1
Сценарий: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Последний шаг</translation>
    </message>
    <message>
        <source>Sim time</source>
        <translation>Время симуляции</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Ключи</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::SimulationView</name>
    <message>
        <source>Sim time:</source>
        <translation>Время симуляции:</translation>
    </message>
    <message>
        <source>Epoch time (YYYYDDD.HHMMSS):</source>
        <translation>Время эпохи (ГГГГДДД.ЧЧММСС):</translation>
    </message>
    <message>
        <source>Δt:</source>
        <translation>Δt:</translation>
    </message>
    <message>
        <source>Real-time factor:</source>
        <translation>Коэффициент реального времени:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Шаг:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Заморозить</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>%1 the simulation</source>
        <translation>%1 симуляцию</translation>
    </message>
    <message>
        <source>No simulation</source>
        <translation>Нет симуляции</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Not connected to the bridge. Showing the last state received.</source>
        <translation>Нет подключения к мосту. Показано последнее полученное состояние.</translation>
    </message>
    <message>
        <source>Not connected to the bridge (%1). Showing the last state received.</source>
        <translation>Нет подключения к мосту (%1). Показано последнее полученное состояние.</translation>
    </message>
    <message>
        <source>Not connected to a bridge.</source>
        <translation>Нет подключения к мосту.</translation>
    </message>
    <message>
        <source>Your token does not have the operator role.</source>
        <translation>У вашего токена нет роли оператора.</translation>
    </message>
    <message>
        <source>Not possible while the simulation is %1.</source>
        <translation>Невозможно, пока симуляция в состоянии «%1».</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to the control module.</source>
        <translation>Отправить «%1» модулю управления.</translation>
    </message>
    <message>
        <source>Freeze the simulation?</source>
        <translation>Заморозить симуляцию?</translation>
    </message>
    <message>
        <source>Stop the simulation?</source>
        <translation>Остановить симуляцию?</translation>
    </message>
    <message>
        <source>Every member will hold at the last time-advance point until the simulation is resumed.</source>
        <translation>Все участники остановятся в последней точке продвижения времени, пока симуляция не будет возобновлена.</translation>
    </message>
    <message>
        <source>The simulation run ends for every member. It can only be reset to Init afterwards.</source>
        <translation>Прогон симуляции завершится для всех участников. После этого её можно только сбросить в Init.</translation>
    </message>
    <message>
        <source>No simulation clock yet. Connect to a DDS-bridge (File ▸ Connect…) or run with --demo to see and control the simulation.</source>
        <translation>Часов симуляции пока нет. Подключитесь к DDS-мосту (Файл ▸ Подключиться…) или запустите с --demo, чтобы видеть симуляцию и управлять ею.</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineBar</name>
    <message>
        <source>Timeline seek bar</source>
        <translation>Ползунок перемотки временной шкалы</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::TimelineView</name>
    <message>
        <source>%1 UTC  (+%2%3)</source>
        <translation>%1 UTC  (+%2%3)</translation>
    </message>
    <message>
        <source>No recording open — File ▸ Open Recording…, drop a .opsrec file here, or run with --replay FILE.</source>
        <translation>Запись не открыта — Файл ▸ Открыть запись…, перетащите сюда файл .opsrec или запустите с --replay ФАЙЛ.</translation>
    </message>
    <message>
        <source>Open Recording…</source>
        <translation>Открыть запись…</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Открыть запись</translation>
    </message>
    <message>
        <source>Previous mark</source>
        <translation>Предыдущая метка</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Шаг назад</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Шаг вперёд</translation>
    </message>
    <message>
        <source>Next mark</source>
        <translation>Следующая метка</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfModel</name>
    <message>
        <source>On-demand</source>
        <translation>По запросу</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Обязательство</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <source>%1 h/day</source>
        <translation>%1 ч/день</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>эталон</translation>
    </message>
    <message>
        <source>cheaper at any utilisation, but may be interrupted</source>
        <translation>дешевле при любой загрузке, но может быть прерван</translation>
    </message>
    <message>
        <source>on-demand is cheaper below %1 h/day</source>
        <translation>тариф по запросу дешевле при менее %1 ч/день</translation>
    </message>
    <message>
        <source>cheaper than on-demand above %1 h/day</source>
        <translation>дешевле тарифа по запросу при более %1 ч/день</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Saving vs on-demand</source>
        <translation>Экономия относительно тарифа по запросу</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>Точка безубыточности</translation>
    </message>
    <message>
        <source>When it pays</source>
        <translation>Когда выгодно</translation>
    </message>
</context>
<context>
    <name>opsdeck::widgets::WhatIfPanel</name>
    <message>
        <source>As measured</source>
        <translation>Как измерено</translation>
    </message>
    <message>
        <source>Use the measured hours per day</source>
        <translation>Использовать измеренные часы в день</translation>
    </message>
    <message>
        <source>Running hours per day</source>
        <translation>Часы работы в день</translation>
    </message>
    <message>
        <source> h/day</source>
        <translation> ч/день</translation>
    </message>
    <message>
        <source>No instance usage priced yet.</source>
        <translation>Использование инстансов ещё не тарифицировано.</translation>
    </message>
    <message>
        <source>What-if pricing options</source>
        <translation>Варианты тарификации «что если»</translation>
    </message>
    <message>
        <source>Cost against running hours per day</source>
        <translation>Стоимость в зависимости от часов работы в день</translation>
    </message>
    <message>
        <source>Running hours per day:</source>
        <translation>Часы работы в день:</translation>
    </message>
    <message>
        <source>No instance usage in this range to re-price.</source>
        <translation>В этом диапазоне нет использования инстансов для перерасчёта.</translation>
    </message>
    <message>
        <source>%1 pays off above %2 h/day. </source>
        <translation>%1 окупается при более %2 ч/день. </translation>
    </message>
    <message>
        <source>%1 instances over %2 days at %3 h/day: on-demand %4, cheapest %5 (%6). %7</source>
        <translation>%1 инстансов за %2 дн. при %3 ч/день: по запросу %4, дешевле всего %5 (%6). %7</translation>
    </message>
    <message>
        <source>running hours per day</source>
        <translation>часы работы в день</translation>
    </message>
</context>
</TS>
