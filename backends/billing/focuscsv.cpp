#include "backends/billing/focuscsv.h"

#include "backends/billing/timeutil.h"

#include <charconv>
#include <cmath>

namespace opsdeck::billing {
namespace {

bool parseNumber(std::string_view s, double *out)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    if (s.empty())
        return false;
    if (s.front() == '+')
        s.remove_prefix(1);
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(*out);
}

void appendField(std::string *out, std::string_view s)
{
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out->append(s);
        return;
    }
    out->push_back('"');
    for (char c : s) {
        if (c == '"')
            out->push_back('"');
        out->push_back(c);
    }
    out->push_back('"');
}

void appendNumber(std::string *out, double v)
{
    char buf[32];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out->append(buf, ec == std::errc() ? ptr : buf);
}

// Concatenation by append: GCC 12 warns (-Wrestrict, a false positive) on
// "literal" + std::string temporaries.
std::string cat(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (std::string_view p : parts)
        out.append(p);
    return out;
}

} // namespace

const std::vector<std::string> &focusColumns()
{
    static const std::vector<std::string> columns = { "BilledCost", "EffectiveCost", "ListCost",
        "ContractedCost", "BillingCurrency", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
        "PricingCategory", "CommitmentDiscountType", "CommitmentDiscountId", "CommitmentDiscountStatus",
        "ServiceName", "ServiceCategory", "RegionId", "SubAccountId", "ResourceId", "ConsumedQuantity",
        "ConsumedUnit", "SkuId", "ChargeDescription", "Tags" };
    return columns;
}

FocusCsvReader::FocusCsvReader(std::string ledgerCurrency, Accept accept, Reject reject)
    : m_currency(std::move(ledgerCurrency))
    , m_accept(std::move(accept))
    , m_reject(std::move(reject))
{
    for (int &i : m_index)
        i = -1;
}

void FocusCsvReader::feed(std::string_view data)
{
    const char *p = data.data();
    const char *const end = p + data.size();
    while (p < end) {
        const char c = *p++;
        switch (m_state) {
        case State::FieldStart:
            if (c == '"') {
                m_state = State::Quoted;
                break;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (c == ',') {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n') {
                endRecord();
            } else if (c == '\r') {
                // CRLF: the \n ends the record.
            } else {
                if (c == '"' && m_recordError.empty())
                    m_recordError = "a quote inside an unquoted field";
                // Fast path: copy the run of ordinary characters at once.
                const char *run = p - 1;
                while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"')
                    ++p;
                m_field.append(run, std::size_t(p - run));
            }
            break;
        case State::Quoted:
            if (c == '"') {
                m_state = State::QuoteInQuoted;
            } else {
                if (c == '\n')
                    ++m_line;
                m_field.push_back(c);
            }
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                m_field.push_back('"');
                m_state = State::Quoted;
            } else if (c == ',') {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n') {
                endRecord();
            } else if (c != '\r') {
                if (m_recordError.empty())
                    m_recordError = "text after a closing quote";
                m_field.push_back(c);
                m_state = State::Unquoted;
            }
            break;
        }
    }
}

void FocusCsvReader::finish()
{
    if (m_state == State::Quoted) {
        m_recordError = "unterminated quoted field at end of file";
        endRecord();
    } else if (m_state != State::FieldStart || m_fieldCount > 0) {
        endRecord();
    }
}

void FocusCsvReader::endField()
{
    if (m_fieldCount == m_fields.size())
        m_fields.emplace_back();
    m_fields[m_fieldCount].swap(m_field);
    m_field.clear();
    ++m_fieldCount;
}

void FocusCsvReader::endRecord()
{
    endField();
    const bool blank = m_fieldCount == 1 && m_fields[0].empty() && m_recordError.empty();
    if (!blank) {
        if (!m_haveHeader)
            header();
        else
            row();
    }
    m_fieldCount = 0;
    m_recordError.clear();
    m_state = State::FieldStart;
    ++m_line;
    m_recordLine = m_line;
}

void FocusCsvReader::header()
{
    m_haveHeader = true;
    m_headerColumns = m_fieldCount;
    const auto &names = focusColumns();
    for (std::size_t i = 0; i < m_fieldCount; ++i) {
        std::string_view name = m_fields[i];
        if (i == 0 && name.size() >= 3 && name.substr(0, 3) == "\xEF\xBB\xBF")
            name.remove_prefix(3); // UTF-8 byte order mark
        for (std::size_t c = 0; c < names.size(); ++c)
            if (name == names[c]) {
                if (m_index[c] >= 0)
                    m_headerError = cat({ "column ", names[c], " appears twice in the header" });
                m_index[c] = int(i);
            }
    }
    for (int required : { BilledCost, EffectiveCost, ListCost, BillingCurrency, ChargePeriodStart,
             ChargePeriodEnd, ChargeCategory, ServiceName })
        if (m_index[required] < 0 && m_headerError.empty())
            m_headerError = cat({ "the header has no ", names[std::size_t(required)], " column" });
    if (!m_recordError.empty() && m_headerError.empty())
        m_headerError = m_recordError;
    if (!m_headerError.empty()) {
        ++m_rowsRejected;
        m_reject({ m_recordLine, {}, cat({ "header: ", m_headerError }) });
    }
}

void FocusCsvReader::rejectRow(std::string column, std::string reason)
{
    ++m_rowsRejected;
    m_reject({ m_recordLine, std::move(column), std::move(reason) });
}

void FocusCsvReader::row()
{
    ++m_rowsRead;
    if (!m_headerError.empty())
        return rejectRow({}, "not imported: the header is invalid");
    if (!m_recordError.empty())
        return rejectRow({}, m_recordError);
    if (m_fieldCount != m_headerColumns)
        return rejectRow({},
            cat({ "expected ", std::to_string(m_headerColumns), " columns, found ",
                std::to_string(m_fieldCount) }));
    const auto &names = focusColumns();
    auto cell = [&](int column) -> std::string_view {
        return m_index[column] < 0 ? std::string_view()
                                   : std::string_view(m_fields[std::size_t(m_index[column])]);
    };
    auto name = [&](int column) { return names[std::size_t(column)]; };
    LedgerRow &r = m_row;

    const auto charge = parseChargeCategory(cell(ChargeCategory));
    if (!charge)
        return rejectRow(
            name(ChargeCategory), cat({ "unknown ChargeCategory '", cell(ChargeCategory), "'" }));
    r.chargeCategory = *charge;
    const auto pricing = parsePricingCategory(cell(PricingCategory));
    if (!pricing)
        return rejectRow(
            name(PricingCategory), cat({ "unknown PricingCategory '", cell(PricingCategory), "'" }));
    r.pricingCategory = *pricing;
    // Credits and adjustments may be negative (FOCUS); every other charge may not.
    const bool mayBeNegative = *charge == opsdeck::v1::CHARGE_CATEGORY_CREDIT
        || *charge == opsdeck::v1::CHARGE_CATEGORY_ADJUSTMENT;
    struct Money
    {
        int column;
        double *target;
        bool required;
    };
    const Money money[] = { { BilledCost, &r.billedCost, true }, { EffectiveCost, &r.effectiveCost, true },
        { ListCost, &r.listCost, true }, { ContractedCost, &r.contractedCost, false } };
    for (const Money &m : money) {
        const std::string_view v = cell(m.column);
        if (v.empty() && !m.required) {
            *m.target = 0;
            continue;
        }
        if (!parseNumber(v, m.target))
            return rejectRow(name(m.column), cat({ "'", v, "' is not a number" }));
        if (*m.target < 0 && !mayBeNegative)
            return rejectRow(
                name(m.column), cat({ "negative cost ", v, " on a ", chargeCategoryName(*charge), " row" }));
    }
    if (cell(BillingCurrency) != m_currency)
        return rejectRow(name(BillingCurrency),
            cat({ "currency ", cell(BillingCurrency), " does not match the ledger's ", m_currency }));
    if (!parseIsoUtc(cell(ChargePeriodStart), &r.periodStartNs))
        return rejectRow(
            name(ChargePeriodStart), cat({ "'", cell(ChargePeriodStart), "' is not an ISO 8601 UTC time" }));
    if (!parseIsoUtc(cell(ChargePeriodEnd), &r.periodEndNs))
        return rejectRow(
            name(ChargePeriodEnd), cat({ "'", cell(ChargePeriodEnd), "' is not an ISO 8601 UTC time" }));
    if (r.periodEndNs < r.periodStartNs)
        return rejectRow(name(ChargePeriodEnd), "ChargePeriodEnd is before ChargePeriodStart");
    if (cell(ServiceName).empty())
        return rejectRow(name(ServiceName), "ServiceName is empty");
    const std::string_view quantity = cell(ConsumedQuantity);
    r.consumedQuantity = 0;
    if (!quantity.empty()) {
        if (!parseNumber(quantity, &r.consumedQuantity))
            return rejectRow(name(ConsumedQuantity), cat({ "'", quantity, "' is not a number" }));
        if (r.consumedQuantity < 0)
            return rejectRow(name(ConsumedQuantity), "negative ConsumedQuantity");
    }
    const std::string_view tags = cell(Tags);
    if (tags.empty() || tags == "{}") {
        r.tagsJson = "{}";
    } else {
        const auto parsed = parseTagsJson(tags);
        if (!parsed)
            return rejectRow(name(Tags), "Tags is not a JSON object of strings");
        r.tagsJson = tagsToJson(*parsed);
    }
    r.currency.assign(cell(BillingCurrency));
    r.commitmentDiscountType.assign(cell(CommitmentDiscountType));
    r.commitmentDiscountId.assign(cell(CommitmentDiscountId));
    r.commitmentDiscountStatus.assign(cell(CommitmentDiscountStatus));
    r.serviceName.assign(cell(ServiceName));
    r.serviceCategory.assign(cell(ServiceCategory));
    r.regionId.assign(cell(RegionId));
    r.subAccountId.assign(cell(SubAccountId));
    r.resourceId.assign(cell(ResourceId));
    r.consumedUnit.assign(cell(ConsumedUnit));
    r.skuId.assign(cell(SkuId));
    r.chargeDescription.assign(cell(ChargeDescription));
    ++m_rowsAccepted;
    m_accept(r);
}

void FocusCsvWriter::header(std::string *out)
{
    const auto &names = focusColumns();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i)
            out->push_back(',');
        out->append(names[i]);
    }
    out->push_back('\n');
}

void FocusCsvWriter::row(const LedgerRow &r, std::string *out)
{
    appendNumber(out, r.billedCost);
    out->push_back(',');
    appendNumber(out, r.effectiveCost);
    out->push_back(',');
    appendNumber(out, r.listCost);
    out->push_back(',');
    appendNumber(out, r.contractedCost);
    out->push_back(',');
    appendField(out, r.currency);
    out->push_back(',');
    out->append(formatIsoUtc(r.periodStartNs));
    out->push_back(',');
    out->append(formatIsoUtc(r.periodEndNs));
    out->push_back(',');
    out->append(chargeCategoryName(r.chargeCategory));
    out->push_back(',');
    out->append(pricingCategoryName(r.pricingCategory));
    for (const std::string *s :
        { &r.commitmentDiscountType, &r.commitmentDiscountId, &r.commitmentDiscountStatus, &r.serviceName,
            &r.serviceCategory, &r.regionId, &r.subAccountId, &r.resourceId }) {
        out->push_back(',');
        appendField(out, *s);
    }
    out->push_back(',');
    appendNumber(out, r.consumedQuantity);
    for (const std::string *s : { &r.consumedUnit, &r.skuId, &r.chargeDescription, &r.tagsJson }) {
        out->push_back(',');
        appendField(out, *s);
    }
    out->push_back('\n');
}

} // namespace opsdeck::billing
