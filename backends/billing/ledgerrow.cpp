#include "backends/billing/ledgerrow.h"

namespace opsdeck::billing {
namespace {

void skipSpace(std::string_view s, std::size_t &i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
}

bool parseString(std::string_view s, std::size_t &i, std::string *out)
{
    if (i >= s.size() || s[i] != '"')
        return false;
    ++i;
    out->clear();
    while (i < s.size()) {
        const char c = s[i++];
        if (c == '"')
            return true;
        if (c != '\\') {
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            out->push_back(c);
            continue;
        }
        if (i >= s.size())
            return false;
        const char e = s[i++];
        switch (e) {
        case '"':
            out->push_back('"');
            break;
        case '\\':
            out->push_back('\\');
            break;
        case '/':
            out->push_back('/');
            break;
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'n':
            out->push_back('\n');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'u': {
            if (i + 4 > s.size())
                return false;
            unsigned code = 0;
            for (int k = 0; k < 4; ++k) {
                const char h = s[i++];
                code <<= 4;
                if (h >= '0' && h <= '9')
                    code |= unsigned(h - '0');
                else if (h >= 'a' && h <= 'f')
                    code |= unsigned(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    code |= unsigned(h - 'A' + 10);
                else
                    return false;
            }
            // Basic multilingual plane only; surrogate pairs are kept as-is.
            if (code < 0x80) {
                out->push_back(char(code));
            } else if (code < 0x800) {
                out->push_back(char(0xC0 | (code >> 6)));
                out->push_back(char(0x80 | (code & 0x3F)));
            } else {
                out->push_back(char(0xE0 | (code >> 12)));
                out->push_back(char(0x80 | ((code >> 6) & 0x3F)));
                out->push_back(char(0x80 | (code & 0x3F)));
            }
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

void appendJsonString(std::string &out, std::string_view s)
{
    out.push_back('"');
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out.push_back(hex[(c >> 4) & 0xF]);
                out.push_back(hex[c & 0xF]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

} // namespace

std::optional<std::map<std::string, std::string>> parseTagsJson(std::string_view s)
{
    std::map<std::string, std::string> tags;
    std::size_t i = 0;
    skipSpace(s, i);
    if (i == s.size())
        return tags; // an empty Tags cell is an empty object
    if (s[i] != '{')
        return std::nullopt;
    ++i;
    skipSpace(s, i);
    if (i < s.size() && s[i] == '}') {
        ++i;
    } else {
        for (;;) {
            std::string key, value;
            skipSpace(s, i);
            if (!parseString(s, i, &key))
                return std::nullopt;
            skipSpace(s, i);
            if (i >= s.size() || s[i] != ':')
                return std::nullopt;
            ++i;
            skipSpace(s, i);
            if (!parseString(s, i, &value))
                return std::nullopt;
            tags[std::move(key)] = std::move(value);
            skipSpace(s, i);
            if (i < s.size() && s[i] == ',') {
                ++i;
                continue;
            }
            if (i < s.size() && s[i] == '}') {
                ++i;
                break;
            }
            return std::nullopt;
        }
    }
    skipSpace(s, i);
    if (i != s.size())
        return std::nullopt;
    return tags;
}

std::string tagsToJson(const std::map<std::string, std::string> &tags)
{
    std::string out = "{";
    bool first = true;
    for (const auto &[key, value] : tags) {
        if (!first)
            out.push_back(',');
        first = false;
        appendJsonString(out, key);
        out.push_back(':');
        appendJsonString(out, value);
    }
    out.push_back('}');
    return out;
}

std::string_view chargeCategoryName(int c)
{
    switch (c) {
    case opsdeck::v1::CHARGE_CATEGORY_USAGE:
        return "Usage";
    case opsdeck::v1::CHARGE_CATEGORY_PURCHASE:
        return "Purchase";
    case opsdeck::v1::CHARGE_CATEGORY_TAX:
        return "Tax";
    case opsdeck::v1::CHARGE_CATEGORY_CREDIT:
        return "Credit";
    case opsdeck::v1::CHARGE_CATEGORY_ADJUSTMENT:
        return "Adjustment";
    default:
        return "";
    }
}

std::string_view pricingCategoryName(int c)
{
    switch (c) {
    case opsdeck::v1::PRICING_CATEGORY_STANDARD:
        return "Standard";
    case opsdeck::v1::PRICING_CATEGORY_DYNAMIC:
        return "Dynamic";
    case opsdeck::v1::PRICING_CATEGORY_COMMITTED:
        return "Committed";
    case opsdeck::v1::PRICING_CATEGORY_OTHER:
        return "Other";
    default:
        return "";
    }
}

std::optional<int> parseChargeCategory(std::string_view t)
{
    for (int c = opsdeck::v1::CHARGE_CATEGORY_USAGE; c <= opsdeck::v1::CHARGE_CATEGORY_ADJUSTMENT; ++c)
        if (t == chargeCategoryName(c))
            return c;
    return std::nullopt;
}

std::optional<int> parsePricingCategory(std::string_view t)
{
    if (t.empty())
        return int(opsdeck::v1::PRICING_CATEGORY_UNSPECIFIED);
    for (int c = opsdeck::v1::PRICING_CATEGORY_STANDARD; c <= opsdeck::v1::PRICING_CATEGORY_OTHER; ++c)
        if (t == pricingCategoryName(c))
            return c;
    return std::nullopt;
}

opsdeck::v1::LineItem toLineItem(const LedgerRow &r)
{
    opsdeck::v1::LineItem item;
    item.set_line_item_id(std::to_string(r.seq));
    item.set_ledger_seq(r.seq);
    item.set_billed_cost(r.billedCost);
    item.set_effective_cost(r.effectiveCost);
    item.set_list_cost(r.listCost);
    item.set_contracted_cost(r.contractedCost);
    item.set_billing_currency(r.currency);
    item.set_charge_period_start_unix_ns(r.periodStartNs);
    item.set_charge_period_end_unix_ns(r.periodEndNs);
    item.set_charge_category(opsdeck::v1::ChargeCategory(r.chargeCategory));
    item.set_pricing_category(opsdeck::v1::PricingCategory(r.pricingCategory));
    item.set_commitment_discount_type(r.commitmentDiscountType);
    item.set_commitment_discount_id(r.commitmentDiscountId);
    item.set_commitment_discount_status(r.commitmentDiscountStatus);
    item.set_service_name(r.serviceName);
    item.set_service_category(r.serviceCategory);
    item.set_region_id(r.regionId);
    item.set_sub_account_id(r.subAccountId);
    item.set_resource_id(r.resourceId);
    item.set_consumed_quantity(r.consumedQuantity);
    item.set_consumed_unit(r.consumedUnit);
    item.set_sku_id(r.skuId);
    item.set_charge_description(r.chargeDescription);
    if (auto tags = parseTagsJson(r.tagsJson))
        for (auto &[k, v] : *tags)
            (*item.mutable_tags())[k] = v;
    return item;
}

LedgerRow fromLineItem(const opsdeck::v1::LineItem &item)
{
    LedgerRow r;
    r.seq = item.ledger_seq();
    r.billedCost = item.billed_cost();
    r.effectiveCost = item.effective_cost();
    r.listCost = item.list_cost();
    r.contractedCost = item.contracted_cost();
    r.currency = item.billing_currency();
    r.periodStartNs = item.charge_period_start_unix_ns();
    r.periodEndNs = item.charge_period_end_unix_ns();
    r.chargeCategory = item.charge_category();
    r.pricingCategory = item.pricing_category();
    r.commitmentDiscountType = item.commitment_discount_type();
    r.commitmentDiscountId = item.commitment_discount_id();
    r.commitmentDiscountStatus = item.commitment_discount_status();
    r.serviceName = item.service_name();
    r.serviceCategory = item.service_category();
    r.regionId = item.region_id();
    r.subAccountId = item.sub_account_id();
    r.resourceId = item.resource_id();
    r.consumedQuantity = item.consumed_quantity();
    r.consumedUnit = item.consumed_unit();
    r.skuId = item.sku_id();
    r.chargeDescription = item.charge_description();
    r.tagsJson = tagsToJson({ item.tags().begin(), item.tags().end() });
    return r;
}

} // namespace opsdeck::billing
