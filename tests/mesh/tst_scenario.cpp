#include "backends/mesh/scenario.h"

#include <QTest>

using opsdeck::mesh::Scenario;

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedScenariosLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("default") << QStringLiteral("default.json");
        QTest::newRow("incidents") << QStringLiteral("incidents.json");
    }

    void shippedScenariosLoad()
    {
        QFETCH(QString, file);
        const QString dir = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + QStringLiteral("/resources/mesh/");
        Scenario s;
        std::string error;
        QVERIFY2(Scenario::load((dir + file).toStdString(), &s, &error), error.c_str());
        QCOMPARE(s.services.size(), std::size_t(6));
        QVERIFY(s.service("payments"));
        QCOMPARE(s.service("orders")->methods.at("PlaceOrder").size(), std::size_t(2));
        QVERIFY(!s.traffic.mix.empty());
    }

    void incidentsHaveEveryFaultKind()
    {
        Scenario s;
        std::string error;
        const QString path
            = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + QStringLiteral("/resources/mesh/incidents.json");
        QVERIFY(Scenario::load(path.toStdString(), &s, &error));
        QCOMPARE(s.faults.size(), std::size_t(5));
        QVERIFY(s.faults[0].appliesTo("payments", "payments-1"));
        QVERIFY(!s.faults[0].appliesTo("payments", "payments-0"));
        QVERIFY(!s.faults[0].activeAt(5));
        QVERIFY(s.faults[0].activeAt(10));
        QVERIFY(!s.faults[0].activeAt(70));
        QVERIFY(s.faults[1].appliesTo("ledger", "ledger-1"));
    }

    void badScenariosAreRefused_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "{"
                                  << "not a JSON object";
        QTest::newRow("unknown service") << R"({"services":[{"name":"nope"}]})"
                                         << "unknown service";
        QTest::newRow("unknown method") << R"({"services":[{"name":"ledger","methods":{"Drop":[]}}]})"
                                        << "unknown method";
        QTest::newRow("dangling call")
            << R"({"services":[{"name":"payments","methods":{"Charge":["ledger/Post"]}}],"traffic":{"target":"payments","mix":[{"method":"Charge"}]}})"
            << "not in the scenario";
        QTest::newRow("rate too high")
            << R"({"services":[{"name":"ledger","methods":{"Post":[]}}],"traffic":{"target":"ledger","rate_per_sec":1e9,"mix":[{"method":"Post"}]}})"
            << "out of bounds";
        QTest::newRow("bad fault")
            << R"({"services":[{"name":"ledger"}],"faults":[{"kind":"melt","service":"ledger"}]})"
            << "unknown fault kind";
        QTest::newRow("ok status abort")
            << R"({"services":[{"name":"ledger"}],"faults":[{"kind":"abort","service":"ledger","status":0}]})"
            << "non-OK";
    }

    void badScenariosAreRefused()
    {
        QFETCH(QString, json);
        QFETCH(QString, reason);
        Scenario s;
        std::string error;
        QVERIFY(!Scenario::parse(json.toStdString(), &s, &error));
        QVERIFY2(QString::fromStdString(error).contains(reason), error.c_str());
    }
};

QTEST_APPLESS_MAIN(TestScenario)
#include "tst_scenario.moc"
