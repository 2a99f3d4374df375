#include "graph/relation.h"

#include <array>

namespace geokg {
namespace {

using enum Relation;
using enum Polarity;

// Order must follow the enumeration: Info() indexes by enumerator.
constexpr std::array<RelationInfo, 28> kRelations = {{
    {kMeet, "meet", true, "040", kCooperative},
    {kCall, "call", true, "040", kCooperative},
    {kVisit, "visit", false, "042", kCooperative},
    {kHost, "host", false, "043", kCooperative},
    {kInvite, "invite", false, "036", kCooperative},
    {kNegotiate, "negotiate", true, "046", kCooperative},
    {kAgree, "agree", true, "057", kCooperative},
    {kCooperate, "cooperate", true, "050", kCooperative},
    {kTrade, "trade", true, "061", kCooperative},
    {kSupply, "supply", false, "061", kCooperative},
    {kSupport, "support", false, "051", kCooperative},
    {kAlly, "ally", true, "", kCooperative},
    {kRecognize, "recognize", false, "054", kCooperative},
    {kDemand, "demand", false, "100", kConflictual},
    {kCriticize, "criticize", false, "111", kConflictual},
    {kAccuse, "accuse", false, "112", kConflictual},
    {kReject, "reject", false, "120", kConflictual},
    {kOppose, "oppose", false, "120", kConflictual},
    {kThreaten, "threaten", false, "130", kConflictual},
    {kProtest, "protest", false, "140", kConflictual},
    {kSanction, "sanction", false, "160", kConflictual},
    {kAttack, "attack", false, "190", kConflictual},
    {kClaim, "claim", false, "", kConflictual},
    {kLeads, "leads", false, "", kNeutral},
    {kOfficialOf, "official_of", false, "", kNeutral},
    {kMemberOf, "member_of", false, "", kNeutral},
    {kAttend, "attend", false, "040", kCooperative},
    {kOther, "other", false, "", kNeutral},
}};

constexpr bool InEnumerationOrder() {
  for (size_t i = 0; i < kRelations.size(); ++i)
    if (static_cast<size_t>(kRelations[i].relation) != i) return false;
  return true;
}
static_assert(InEnumerationOrder());

}  // namespace

const RelationInfo& Info(Relation relation) { return kRelations[static_cast<size_t>(relation)]; }

std::span<const RelationInfo> AllRelations() { return kRelations; }

std::optional<Relation> ParseRelation(std::string_view name) {
  for (const RelationInfo& info : kRelations)
    if (info.name == name) return info.relation;
  return std::nullopt;
}

}  // namespace geokg
