#include "backends/billing/pricebook.h"

#include "backends/billing/ledgerrow.h"
#include "backends/billing/timeutil.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace opsdeck::billing {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool toDouble(std::string_view s, double *out)
{
    s = trim(s);
    if (s.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(*out);
}

struct Parser
{
    std::vector<PriceBookError> *errors = nullptr;
    opsdeck::v1::PriceBook book;
    opsdeck::v1::Price *current = nullptr;
    int currentLine = 0;
    std::set<std::string> seenKeys;
    std::set<std::string> skus;
    bool ok = true;

    void error(int line, std::string message)
    {
        ok = false;
        errors->push_back({ line, std::move(message) });
    }

    void finishSection()
    {
        if (!current)
            return;
        const opsdeck::v1::Price &p = *current;
        const bool committed = p.pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED;
        if (p.product().empty())
            error(currentLine, "[" + p.sku_id() + "] needs a product");
        if (p.service_name().empty())
            error(currentLine, "[" + p.sku_id() + "] needs a service");
        if (p.unit().empty())
            error(currentLine, "[" + p.sku_id() + "] needs a unit");
        if (committed) {
            if (p.term_ns() <= 0)
                error(currentLine, "[" + p.sku_id() + "] is Committed and needs term_days");
            if (p.upfront() <= 0 && p.recurring_per_hour() <= 0)
                error(
                    currentLine, "[" + p.sku_id() + "] is Committed and needs upfront or recurring_per_hour");
        } else if (p.tiers_size() == 0) {
            error(currentLine, "[" + p.sku_id() + "] needs a price or tiers");
        }
    }

    void section(int line, std::string_view name)
    {
        finishSection();
        current = book.add_prices();
        currentLine = line;
        seenKeys.clear();
        current->set_sku_id(std::string(name));
        current->set_region_id("*");
        current->set_pricing_category(opsdeck::v1::PRICING_CATEGORY_STANDARD);
        if (name.empty())
            error(line, "empty section name: write [sku-id]");
        else if (!skus.insert(std::string(name)).second)
            error(line, "duplicate SKU [" + std::string(name) + "]");
    }

    void number(int line, std::string_view key, std::string_view value, double *out, bool allowZero = true)
    {
        if (!toDouble(value, out)) {
            error(line, std::string(key) + ": '" + std::string(value) + "' is not a number");
        } else if (*out < 0 || (!allowZero && *out == 0)) {
            error(line, std::string(key) + ": must be " + (allowZero ? "zero or more" : "more than zero"));
        }
    }

    void tiers(int line, std::string_view value)
    {
        // "0:0.023 51200:0.022 512000:0.021": from-quantity:unit-price, ascending.
        std::istringstream in { std::string(value) };
        std::string item;
        double last = -1;
        current->clear_tiers();
        while (in >> item) {
            const auto colon = item.find(':');
            double from = 0, price = 0;
            if (colon == std::string::npos || !toDouble(std::string_view(item).substr(0, colon), &from)
                || !toDouble(std::string_view(item).substr(colon + 1), &price)) {
                error(line, "tiers: '" + item + "' is not from:price");
                return;
            }
            if (from <= last || (last < 0 && from != 0)) {
                error(line, "tiers: must start at 0 and ascend ('" + item + "')");
                return;
            }
            if (price < 0) {
                error(line, "tiers: negative price in '" + item + "'");
                return;
            }
            last = from;
            auto *tier = current->add_tiers();
            tier->set_from_quantity(from);
            tier->set_unit_price(price);
        }
        if (current->tiers_size() == 0)
            error(line, "tiers: no tiers given");
    }

    void keyValue(int line, std::string_view key, std::string_view value)
    {
        if (!current) {
            if (key == "currency") {
                if (value.size() != 3)
                    error(line, "currency: '" + std::string(value) + "' is not an ISO 4217 code");
                book.set_currency(std::string(value));
            } else if (key == "name") {
                book.set_name(std::string(value));
            } else {
                error(line, "unknown key '" + std::string(key) + "' before the first [sku] section");
            }
            return;
        }
        if (!seenKeys.insert(std::string(key)).second) {
            error(line, "duplicate key '" + std::string(key) + "' in [" + current->sku_id() + "]");
            return;
        }
        double d = 0;
        if (key == "product")
            current->set_product(std::string(value));
        else if (key == "offer")
            current->set_offer(std::string(value));
        else if (key == "service")
            current->set_service_name(std::string(value));
        else if (key == "category")
            current->set_service_category(std::string(value));
        else if (key == "region")
            current->set_region_id(std::string(value));
        else if (key == "unit")
            current->set_unit(std::string(value));
        else if (key == "description")
            current->set_description(std::string(value));
        else if (key == "commitment")
            current->set_commitment_discount_type(std::string(value));
        else if (key == "pricing") {
            const auto c = parsePricingCategory(value);
            if (!c || *c == opsdeck::v1::PRICING_CATEGORY_UNSPECIFIED)
                error(line,
                    "pricing: '" + std::string(value) + "' is not Standard, Dynamic, Committed or Other");
            else
                current->set_pricing_category(opsdeck::v1::PricingCategory(*c));
        } else if (key == "price") {
            number(line, key, value, &d);
            current->clear_tiers();
            auto *tier = current->add_tiers();
            tier->set_from_quantity(0);
            tier->set_unit_price(d);
        } else if (key == "tiers") {
            tiers(line, value);
        } else if (key == "minimum_seconds") {
            number(line, key, value, &d);
            current->set_minimum_billed_ns(std::int64_t(d * double(kNsPerSecond)));
        } else if (key == "term_days") {
            number(line, key, value, &d, false);
            current->set_term_ns(std::int64_t(d * double(kNsPerDay)));
        } else if (key == "upfront") {
            number(line, key, value, &d);
            current->set_upfront(d);
        } else if (key == "recurring_per_hour") {
            number(line, key, value, &d);
            current->set_recurring_per_hour(d);
        } else if (key == "free_allowance") {
            number(line, key, value, &d);
            current->set_free_allowance(d);
        } else if (key == "interruptions_per_hour") {
            number(line, key, value, &d);
            current->set_interruptions_per_hour(d);
        } else {
            error(line, "unknown key '" + std::string(key) + "' in [" + current->sku_id() + "]");
        }
    }
};

} // namespace

bool PriceBook::parse(std::string_view text, PriceBook *out, std::vector<PriceBookError> *errors)
{
    Parser p;
    p.errors = errors;
    int lineNo = 0;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++lineNo;
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty())
            continue;
        if (line.front() == '[') {
            if (line.back() != ']') {
                p.error(lineNo, "section header must end with ']'");
                continue;
            }
            p.section(lineNo, trim(line.substr(1, line.size() - 2)));
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) {
            p.error(lineNo, "expected 'key = value' or '[sku]', got '" + std::string(line) + "'");
            continue;
        }
        const std::string_view key = trim(line.substr(0, eq));
        const std::string_view value = trim(line.substr(eq + 1));
        if (key.empty() || value.empty()) {
            p.error(lineNo, "empty key or value");
            continue;
        }
        p.keyValue(lineNo, key, value);
    }
    p.finishSection();
    if (p.book.currency().empty())
        p.error(0, "the price book needs 'currency = XXX' before the first section");
    if (p.book.prices_size() == 0)
        p.error(0, "the price book has no [sku] sections");
    // product + offer must name one SKU so the engine can find it.
    std::set<std::pair<std::string, std::string>> productOffers;
    for (const auto &price : p.book.prices())
        if (!price.offer().empty() && !productOffers.insert({ price.product(), price.offer() }).second)
            p.error(0, "two SKUs sell product '" + price.product() + "' with offer '" + price.offer() + "'");
    if (!p.ok)
        return false;
    out->m_proto = std::move(p.book);
    out->index();
    return true;
}

bool PriceBook::load(const std::string &path, PriceBook *out, std::vector<PriceBookError> *errors)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        errors->push_back({ 0, "cannot open " + path });
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), out, errors);
}

std::string PriceBook::formatErrors(const std::string &path, const std::vector<PriceBookError> &errors)
{
    std::string out;
    for (const auto &e : errors) {
        out.append(path);
        if (e.line > 0) {
            out.push_back(':');
            out.append(std::to_string(e.line));
        }
        out.append(": ");
        out.append(e.message);
        out.push_back('\n');
    }
    return out;
}

void PriceBook::index()
{
    m_bySku.clear();
    m_byProductOffer.clear();
    for (int i = 0; i < m_proto.prices_size(); ++i) {
        const auto &p = m_proto.prices(i);
        m_bySku[p.sku_id()] = i;
        if (!p.offer().empty())
            m_byProductOffer[p.product() + '\x1f' + p.offer()] = i;
    }
}

const opsdeck::v1::Price *PriceBook::find(std::string_view skuId) const
{
    const auto it = m_bySku.find(std::string(skuId));
    return it == m_bySku.end() ? nullptr : &m_proto.prices(it->second);
}

const opsdeck::v1::Price *PriceBook::find(std::string_view product, std::string_view offer) const
{
    std::string key(product);
    key += '\x1f';
    key += offer;
    const auto it = m_byProductOffer.find(key);
    return it == m_byProductOffer.end() ? nullptr : &m_proto.prices(it->second);
}

double PriceBook::amortisedPerHour(const opsdeck::v1::Price &price)
{
    const double termHours = double(price.term_ns()) / double(kNsPerHour);
    return (termHours > 0 ? price.upfront() / termHours : 0.0) + price.recurring_per_hour();
}

double PriceBook::unitPrice(const opsdeck::v1::Price &price)
{
    return price.tiers_size() > 0 ? price.tiers(0).unit_price() : 0.0;
}

} // namespace opsdeck::billing
