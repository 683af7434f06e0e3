// opsdeck-billing: the billing backend as a process.
#include "backends/billing/billingbackend.h"
#include "backends/billing/pricebook.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <pthread.h>
#include <signal.h>
#include <string>

namespace {

void usage()
{
    std::printf("usage: opsdeck-billing [options]\n"
                "  --listen ADDR          gRPC address (default 127.0.0.1:0, an ephemeral loopback port)\n"
                "  --ledger FILE          SQLite ledger (default opsdeck-billing.sqlite)\n"
                "  --price-book FILE      price book (default %s)\n"
                "  --check-price-book     validate the price book, print errors with line numbers, exit\n"
                "  --seed N               seed of the synthetic workload (default 1)\n"
                "  --backfill-hours N     synthetic history priced at start (default 168)\n"
                "  --tick-ms N            live pricing interval (default 5000)\n"
                "  --no-workload          price only imported FOCUS files and submitted usage\n",
        OPSDECK_DEFAULT_PRICE_BOOK);
}

// The source tree's price book in a build, the installed one otherwise.
std::string defaultPriceBook()
{
    std::error_code ec;
    if (std::filesystem::exists(OPSDECK_DEFAULT_PRICE_BOOK, ec))
        return OPSDECK_DEFAULT_PRICE_BOOK;
    const auto exe = std::filesystem::canonical("/proc/self/exe", ec);
    const auto installed = exe.parent_path().parent_path() / "share/opsdeck/billing/pricebook.conf";
    return !ec && std::filesystem::exists(installed, ec) ? installed.string() : OPSDECK_DEFAULT_PRICE_BOOK;
}

} // namespace

int main(int argc, char **argv)
{
    opsdeck::billing::BillingOptions options;
    options.ledgerPath = "opsdeck-billing.sqlite";
    options.priceBookPath = defaultPriceBook();
    bool checkOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "opsdeck-billing: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--listen")
            options.listenAddress = value();
        else if (arg == "--ledger")
            options.ledgerPath = value();
        else if (arg == "--price-book")
            options.priceBookPath = value();
        else if (arg == "--check-price-book")
            checkOnly = true;
        else if (arg == "--seed")
            options.seed = std::strtoull(value().c_str(), nullptr, 10);
        else if (arg == "--backfill-hours")
            options.backfillHours = std::atoi(value().c_str());
        else if (arg == "--tick-ms")
            options.tick = std::chrono::milliseconds(std::atoi(value().c_str()));
        else if (arg == "--no-workload")
            options.syntheticWorkload = false;
        else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "opsdeck-billing: unknown option %s\n", arg.c_str());
            usage();
            return 2;
        }
    }
    if (checkOnly) {
        opsdeck::billing::PriceBook book;
        std::vector<opsdeck::billing::PriceBookError> errors;
        if (!opsdeck::billing::PriceBook::load(options.priceBookPath, &book, &errors)) {
            std::fputs(
                opsdeck::billing::PriceBook::formatErrors(options.priceBookPath, errors).c_str(), stderr);
            return 1;
        }
        std::printf("%s: %d prices in %s\n", options.priceBookPath.c_str(), book.proto().prices_size(),
            book.currency().c_str());
        return 0;
    }
    // SIGINT/SIGTERM are blocked in every thread (gRPC's included, they
    // inherit the mask) and taken synchronously below with sigwait.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::string error;
    auto backend = opsdeck::billing::BillingBackend::create(options, &error);
    if (!backend || !backend->start(&error)) {
        std::fprintf(stderr, "opsdeck-billing: %s\n", error.c_str());
        return 1;
    }
    std::printf("opsdeck-billing listening on %s (ledger %s, %llu line items)\n", backend->address().c_str(),
        options.ledgerPath.c_str(), static_cast<unsigned long long>(backend->ledger().lastSeq()));
    std::fflush(stdout);
    int signal = 0;
    sigwait(&stopSignals, &signal);
    backend->stop();
    return 0;
}
