// graph/relation.h -- the core relations of docs/RELATIONS.md and their CAMEO codes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace geokg {

enum class Relation : uint8_t {
  kMeet,
  kCall,
  kVisit,
  kHost,
  kInvite,
  kNegotiate,
  kAgree,
  kCooperate,
  kTrade,
  kSupply,
  kSupport,
  kAlly,
  kRecognize,
  kDemand,
  kCriticize,
  kAccuse,
  kReject,
  kOppose,
  kThreaten,
  kProtest,
  kSanction,
  kAttack,
  kClaim,
  kLeads,
  kOfficialOf,
  kMemberOf,
  kAttend,
  kOther,
};

// CAMEO's split of events into cooperation and conflict; states (leads, member_of) are neutral.
enum class Polarity : uint8_t { kCooperative, kNeutral, kConflictual };

struct RelationInfo {
  Relation relation;
  std::string_view name;   // "meet", "official_of", "other"
  bool symmetric;          // meet(A, B) says the same as meet(B, A)
  std::string_view cameo;  // default CAMEO code, empty for states without a code
  Polarity polarity;
};

// Facts about `relation`. Never fails: every enumerator has an entry.
const RelationInfo& Info(Relation relation);
// Every relation, in enumeration order, `kOther` last.
std::span<const RelationInfo> AllRelations();
// The relation named `name` ("meet"), or nullopt for an unknown name.
std::optional<Relation> ParseRelation(std::string_view name);

}  // namespace geokg
