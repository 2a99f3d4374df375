#include "extract/internal/relation_patterns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "extract/internal/text.h"

namespace geokg::extract::internal {
namespace {

using enum Relation;
using enum Frame;

// Longer and more specific wordings first: at one token, the first pattern that matches wins.
constexpr Pattern kPatterns[] = {
    // meet
    // Before "talks with": accession talks are negotiations, not meetings.
    {"entry|accession|membership talks|negotiations with @", kNegotiate, "negotiates with", kForward},
    {"summit|meeting|meetings between", kMeet, "meets", kBetween},
    // Talks named as such are negotiations (annotators call 11 of 15 of them so); "held talks
    // with" stays a meeting.
    {"talks between", kNegotiate, "negotiates with", kBetween},
    {"accord|accords|agreement|agreements|deal|pact|treaty between", kAgree, "agrees with", kBetween},
    {"negotiations between", kNegotiate, "negotiates with", kBetween},
    {"cooperation between", kCooperate, "cooperates with", kBetween},
    {"alliance between", kAlly, "is allied with", kBetween},
    {"held|hold|holds|holding talks with @", kMeet, "holds talks with", kForward},
    {"summit|meeting|meetings|met|meet|meets|meeting with @", kMeet, "meets", kForward},
    {"talks with @", kNegotiate, "negotiates with", kForward},
    // "Sudan and Chad held peace talks in Doha": between the conjoined subjects.
    {"held|hold|holds|holding peace talks", kNegotiate, "negotiates with", kForward},
    {"held|hold|holds|holding talks", kMeet, "holds talks with", kForward},
    {"discuss|discussed|discusses|discussing * with @", kMeet, "discusses with", kForward},
    {"met|meet|meets @", kMeet, "meets", kForward},
    // "Pashinyan and Aliyev meet in Abu Dhabi": between the conjoined subjects.
    {"met|meet|meets|gathered|gather|gathers", kMeet, "meets", kForward},
    // call
    {"spoke|speaks|speak|talked by|on|over phone|telephone with|to @", kCall, "speaks by phone with", kForward},
    {"spoke|speaks|speak|talked with|to @ by|on|over phone|telephone", kCall, "speaks by phone with", kForward},
    {"phone|telephone call|calls|conversation with @", kCall, "holds a phone call with", kForward},
    {"phone|telephone call|calls|conversation", kCall, "holds a phone call with", kForward},
    // visit
    {"arrive|arrives|arrived|arriving in @", kVisit, "arrives in", kForward},
    {"land|lands|landed|landing in @", kVisit, "arrives in", kForward},
    {"travel|travels|travelled|traveled|travelling|traveling to @", kVisit, "travels to", kForward},
    {"fly|flies|flew|flying|flown to @", kVisit, "flies to", kForward},
    {"left|leave|leaves|leaving|depart|departs|departed|departing|departure for @", kVisit, "leaves for", kForward},
    {"return|returns|returned|returning from @", kVisit, "returns from", kForward},
    {"tour|tours|toured|touring of @", kVisit, "tours", kForward},
    {"visit|visits|trip|trips|tour to @", kVisit, "visits", kForward},
    {"trip|trips|tour|tours|journey through @", kVisit, "visits", kForward},
    {"visit|visits|visited|visiting @", kVisit, "visits", kForward},
    {"trip|visit|tour", kVisit, "visits", kModifier},
    // host
    {"hosted|welcomed|received by @", kHost, "hosts", kReverse},
    {"host|hosts|hosted|hosting * in @ 's|\xE2\x80\x99s honour|honor", kHost, "hosts", kForward},
    {"host|hosts|hosted|hosting|welcome|welcomes|welcomed|welcoming @", kHost, "hosts", kForward},
    // invite
    {"invitation of|from @", kInvite, "invites", kReverse},
    {"invited by @", kInvite, "invites", kReverse},
    {"invite|invites|invited|inviting @", kInvite, "invites", kForward},
    // negotiate
    {"negotiate|negotiates|negotiated|negotiating|negotiations * with @", kNegotiate, "negotiates with", kForward},
    // agree
    {"sign|signs|signed|signing * with @", kAgree, "signs an agreement with", kForward},
    {"agreement|deal|accord|pact|treaty with @", kAgree, "reaches an agreement with", kForward},
    {"agree|agrees|agreed with @", kAgree, "agrees with", kForward},
    {"agree|agrees|agreed", kAgree, "agrees with", kForward},
    {"memorandum", kAgree, "signs a memorandum with", kForward},
    {"agreement|deal|accord|pact|treaty", kAgree, "reaches an agreement with", kForward},
    // cooperate
    {"cooperate|cooperates|cooperated|cooperating|cooperation|co-operation with @", kCooperate, "cooperates with",
     kForward},
    {"ties with @", kCooperate, "strengthens ties with", kForward},
    {"cooperation", kCooperate, "cooperates with", kForward},
    // trade
    {"trading partner|partners for|of|to|with @", kTrade, "trades with", kForward},
    {"trading partner|partners", kTrade, "trades with", kAppositive},
    {"trade|trades|traded|trading with @", kTrade, "trades with", kForward},
    // supply
    {"supply|supplies|supplied|supplying @ with #", kSupply, "supplies {} to", kForward},
    {"supply|supplies|supplied|supplying|provide|provides|provided|providing|deliver|delivers|delivered|delivering|"
     "sell|sells|sold|selling|lend|lends|lent|lending # to @",
     kSupply, "supplies {} to", kForward},
    {"export|exports|exported|exporting # to @", kSupply, "exports {} to", kForward},
    // Money is a supply too: "approved a 300 mln dlr loan to Colombia", "aid to Sudan".
    {"loan|loans|credit|credits|aid|grant|grants|financing|lending to|for @", kSupply, "lends to", kForward},
    {"'s|\xE2\x80\x99s # * come|comes|came from @", kSupply, "supplies {} to", kReverse},
    {"imports|import|imported # from @", kSupply, "supplies {} to", kReverse},
    {"accounts|account|accounted for * @ 's|\xE2\x80\x99s # exports", kSupply, "exports {} to", kReverse},
    // support
    // Passives name the agent after "by": "France, backed by the IMF, wants ...".
    {"backed|supported|endorsed by @", kSupport, "supports", kReverse},
    {"support|supports|supported|supporting|backs|backed|backing|endorse|endorses|endorsed @", kSupport, "supports",
     kForward},
    // Headline verbs of praise.
    {"hail|hails|hailed|laud|lauds|lauded|praise|praises|praised|commend|commends|commended @", kSupport, "praises",
     kForward},
    {"supporter|supporters|backer|backers of * for|to @", kSupport, "supports", kForward},
    {"supporter|supporters|backer|backers of @", kSupport, "supports", kForward},
    // ally
    {"alliance|allied with @", kAlly, "is allied with", kForward},
    {"ally|allies of @", kAlly, "is an ally of", kForward},
    {"allies|ally @", kAlly, "is an ally of", kReverse},
    {"ally", kAlly, "is an ally of", kAppositive},
    // recognize
    {"recognise|recognises|recognised|recognize|recognizes|recognized|recognising|recognizing @", kRecognize,
     "recognizes", kForward},
    {"recognition of @", kRecognize, "recognizes", kForward},
    // demand
    {"called|calls|call on|upon @", kDemand, "calls on", kForward},
    // "calls for the RSF head to", "asked for Bolton's resignation": a demand made of someone.
    {"called|calls|call|asked|asks|ask for @ to", kDemand, "calls on", kForward},
    {"called|calls|call|asked|asks|ask for @ 's|\xE2\x80\x99s", kDemand, "calls on", kForward},
    {"ask|asks|asked|asking|press|presses|pressed|pressing|pressure|pressures|pressured|pressuring|challenge|"
     "challenges|challenged|challenging @ to",
     kDemand, "urges", kForward},
    {"urge|urges|urged|urging|demand|demands|demanded|demanding @", kDemand, "urges", kForward},
    // criticize
    {"criticised|criticized|condemned|denounced|rebuked by @", kCriticize, "criticizes", kReverse},
    {"criticise|criticises|criticised|criticize|criticizes|criticized|condemn|condemns|condemned|denounce|denounces|"
     "denounced|rebuked|slammed @",
     kCriticize, "criticizes", kForward},
    // Headline verbs of blame: "Norway slams Iceland", "Finland raps Sweden over ...".
    {"slam|slams|blast|blasts|blasted|rap|raps|rapped|lambast|lambasts|lambasted|chide|chides|chided|rebuke|rebukes|"
     "decry|decries|decried @",
     kCriticize, "criticizes", kForward},
    // accuse
    {"accuse|accuses|accused|accusing|blame|blames|blamed|blaming @", kAccuse, "accuses", kForward},
    // reject
    {"reject|rejects|rejected|rejecting|rebuff|rebuffs|rebuffed|snub|snubs|snubbed @", kReject, "rejects", kForward},
    // oppose
    {"oppose|opposes|opposed|opposing @", kOppose, "opposes", kForward},
    // threaten
    {"threaten|threatens|threatened|threatening|warn|warns|warned @", kThreaten, "threatens", kForward},
    {"vow|vows|vowed|promise|promises|promised|threaten|threatens|threatened * "
     "response|retaliation|retribution|reprisals|consequences against @",
     kThreaten, "threatens", kForward},
    // protest
    {"protest|protests|protested * to|against @", kProtest, "protests against", kForward},
    {"summon|summons|summoned|summoning * ambassador|envoy|chargé|charge|diplomat|diplomats", kProtest,
     "summons the envoy of", kEnvoy},
    // sanction
    {"sanctions|tariffs|tariff|embargo|ban|duties|restrictions on|against @", kSanction, "imposes sanctions on",
     kForward, false, true},
    // "trade sanctions imposed on Japan", "a ban on flights to Cuba", "an embargo on trade with Iran".
    {"sanctions|tariffs|tariff|embargo|ban|duties|restrictions imposed|placed|levied|slapped on|against @", kSanction,
     "imposes sanctions on", kForward, false, true},
    {"embargo|ban|restrictions on * to|with @", kSanction, "imposes sanctions on", kForward, false, true},
    {"sanction|sanctions|sanctioned|sanctioning @", kSanction, "sanctions", kForward},
    // "tariffs on imported items from Mexico"; before the "imports from" of supply.
    {"tariff|tariffs|duties * on * from @", kSanction, "imposes tariffs on", kForward, false, true},
    // "suspends visas for U.S. citizens", "a ban on visa applications from Iranian passport holders".
    {"suspend|suspends|suspended|suspending|halt|halts|halted|end|ends|ended|ban|bans|banned|banning|restrict|"
     "restricts|restricted|restrictions * visas|visa|entry * citizens|nationals|holders|travellers|travelers|visitors",
     kSanction, "restricts visas for", kEnvoy},
    {"retaliate|retaliates|retaliated|retaliating against @", kSanction, "retaliates against", kForward},
    {"expel|expels|expelled|expelling * ambassador|envoy|chargé|charge|diplomat|diplomats", kSanction,
     "expels the envoy of", kEnvoy},
    // "orders Iranian chargé d'affaires X to leave the country".
    {"order|orders|ordered|ordering * ambassador|envoy|chargé|charge|diplomat|diplomats * to leave", kSanction,
     "expels the envoy of", kEnvoy},
    // Before "talks with", "cooperation with": "the suspension of the trade talks with Canada".
    {"suspend|suspends|suspended|suspending|suspension|halt|halts|halted|halting|freeze|freezes|froze|frozen|sever|"
     "severs|severed|severing|cut|cuts|cutting|downgrade|downgrades|downgraded * "
     "ties|relations|agreements|agreement|cooperation|aid|talks|dialogue|trade with|to @",
     kSanction, "reduces relations with", kForward},
    {"retaliate|retaliates|retaliated|retaliating", kSanction, "retaliates against", kForward, true},
    // attack
    // "Hezbollah claimed responsibility for the rocket attack on the Israeli base".
    {"claimed|claims|claim|claiming responsibility for * attack|attacks|strike|strikes|bombing|bombings|assault "
     "on|against @",
     kAttack, "attacks", kForward},
    {"airstrikes|strikes|strike|attacks|attack|offensive|assault|assaults|shelling|bombing on|against|in|across @",
     kAttack, "attacks", kForward, false, true},
    // "a drone strike by the RSF in Dilling", "an attack by the Taliban on a college in Wana": the
    // agent after "by".
    {"airstrikes|airstrike|strikes|strike|attacks|attack|assault|assaults|shelling|bombing by * on|against|in @",
     kAttack, "attacks", kForward, false, true},
    {"invasion of @", kAttack, "invades", kForward, false, true},
    {"bombing|bombings|shelling|bombardment of @", kAttack, "attacks", kForward, false, true},
    {"open|opens|opened|opening fire on|at @", kAttack, "opens fire on", kForward},
    {"attack|attacks|attacked|attacking|struck|strikes|shelled|shelling|bombed|bombing|invade|invades|invaded|invading "
     "@",
     kAttack, "attacks", kForward},
    // claim
    {"see|sees|saw|considers|considered|regards|regarded|views|viewed @ as part of", kClaim, "claims", kForward},
    {"claim|claims|claimed sovereignty over @", kClaim, "claims", kForward},
    // member_of
    {"join|joins|joined|joining @", kMemberOf, "joins", kForward},
    {"member|members|membership of|in @", kMemberOf, "is a member of", kForward},
    // attend
    {"attend|attends|attended|attending @", kAttend, "attends", kForward},
    {"took|take|takes|taking part in @", kAttend, "attends", kForward},
};

struct CompiledWord {
  enum Kind : uint8_t { kLiteral, kSkip, kSlot, kGoods } kind;
  std::vector<std::string> alternatives;
};

struct CompiledPattern {
  const Pattern* pattern;
  std::vector<CompiledWord> words;
};

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Patterns indexed by the alternatives of their first word.
struct Index {
  std::vector<CompiledPattern> patterns;
  std::unordered_map<std::string, std::vector<size_t>> by_first_word;
};

const Index& PatternIndex() {
  static const Index index = [] {
    Index built;
    for (const Pattern& p : kPatterns) {
      CompiledPattern cp{&p, {}};
      for (const std::string& w : Split(p.words, ' ')) {
        if (w == "*")
          cp.words.push_back({CompiledWord::kSkip, {}});
        else if (w == "@")
          cp.words.push_back({CompiledWord::kSlot, {}});
        else if (w == "#")
          cp.words.push_back({CompiledWord::kGoods, {}});
        else
          cp.words.push_back({CompiledWord::kLiteral, Split(w, '|')});
      }
      for (const std::string& first : cp.words.front().alternatives)
        built.by_first_word[first].push_back(built.patterns.size());
      built.patterns.push_back(std::move(cp));
    }
    return built;
  }();
  return index;
}

bool Breaks(std::string_view t) { return t == "." || t == ";" || t == ":" || t == "!" || t == "?"; }

bool IsPreposition(std::string_view t) {
  static constexpr auto kPrepositions =
      std::to_array<std::string_view>({"of", "to", "in", "on", "at", "for", "from", "by", "with", "about", "over",
                                       "into", "after", "before", "during", "against", "through", "under"});
  return std::find(kPrepositions.begin(), kPrepositions.end(), t) != kPrepositions.end();
}

bool IsQuote(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";  // " and curly quotes
}

bool IsPossessivePronoun(std::string_view t) { return t == "its" || t == "his" || t == "her" || t == "their"; }

bool IsPossessiveMark(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s"; }

// An actor after one of these belongs to another clause: "rejects reports that Iran ...".
bool LeadsIntoOtherClause(std::string_view t) {
  return t == "," || t == "that" || t == "which" || t == "who" || t == "whether" || t == "if";
}

bool IsWord(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(),
                                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
}

bool IsGoodsWord(std::string_view t) {
  if (t.empty() || t == "to" || t == "from" || t == "for" || t == "with" || t == "and") return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; });
}

class Matcher {
 public:
  // With `passive`, a final "@" may find no actor: "South Africa will not be invited"; with
  // `relative`, neither: "Cyprus, which Turkey does not recognize".
  Matcher(const std::vector<Token>& tokens, const std::vector<uint32_t>& actor_end,
          const std::vector<uint32_t>& demonym_end, const CompiledPattern& p, bool passive, bool relative)
      : tokens_(tokens),
        actor_end_(actor_end),
        demonym_end_(p.pattern->strict_agent || p.pattern->relation == kAttack ? &demonym_end : nullptr),
        words_(p.words),
        passive_(passive),
        final_slot_optional_(passive || relative) {}

  // Whether words_[w...] match from token k; fills `m`.
  bool Match(size_t w, uint32_t k, PatternMatch* m) const {
    if (w == words_.size()) {
      m->end = k;
      return true;
    }
    const CompiledWord& word = words_[w];
    switch (word.kind) {
      case CompiledWord::kLiteral: {
        if (k >= tokens_.size()) return false;
        const std::string t = Lower(tokens_[k].text);
        if (std::find(word.alternatives.begin(), word.alternatives.end(), t) == word.alternatives.end()) return false;
        return Match(w + 1, k + 1, m);
      }
      case CompiledWord::kSkip: {
        // A gap may hold a whole apposition (", essential for chips,") but not end inside one,
        // and never crosses the end of a clause. Quotation marks cost nothing and commas inside
        // a quotation are the quotation's: 'a "political, legal and asymmetric" response'.
        int commas = 0;
        bool quoted = false;
        uint32_t words = 0;
        for (uint32_t skip = 0; skip <= 12 && words <= 8 && k + skip <= tokens_.size(); ++skip) {
          if (skip > 0) {
            const std::string_view t = tokens_[k + skip - 1].text;
            if (Breaks(t)) return false;
            if (IsQuote(t)) {
              quoted = !quoted;
            } else if (t == "," && !quoted) {
              if (skip == 1 || commas == 1)
                ++commas;
              else
                return false;
              ++words;
            } else {
              ++words;
            }
          }
          if (!quoted && ((commas == 0 && words <= 6) || commas == 2))
            if (Match(w + 1, k + skip, m)) return true;
        }
        return false;
      }
      case CompiledWord::kSlot:
        // "meets with the foreign ministers of France": the officials stand for their state.
        // A name that starts with such words stays whole: "the State of Palestine".
        if (uint32_t of = RepresentativesOf(k); of > k && actor_end_[k] == 0 && actor_end_[k + 1] == 0) k = of;
        // "the group's leader Hemedti": the possessor phrase before a titled person.
        if (k + 3 < tokens_.size() && Lower(tokens_[k].text) == "the" && IsPossessiveMark(tokens_[k + 2].text)) k += 3;
        for (uint32_t skip = 0; skip <= 2 && k + skip < tokens_.size(); ++skip) {
          // "warns its citizens": a possessive before a common noun owns the object, it is not it.
          if (IsPossessivePronoun(tokens_[k + skip].text) && k + skip + 1 < tokens_.size() &&
              IsGoodsWord(tokens_[k + skip + 1].text))
            break;
          if (actor_end_[k + skip] > k + skip) {
            m->slot = static_cast<int>(k + skip);
            return Match(w + 1, actor_end_[k + skip], m);
          }
          if (const uint32_t end = demonym_end_ != nullptr ? (*demonym_end_)[k + skip] : 0;
              end > k + skip && end < tokens_.size() && IsGoodsWord(tokens_[end].text)) {
            m->slot = static_cast<int>(k + skip);
            return Match(w + 1, end, m);
          }
          // Determiners and adjectives may come first; a preposition or a new clause may not:
          // in "accuses him of undermining Bosnia", Bosnia is not the accused.
          const std::string_view t = tokens_[k + skip].text;
          if (Breaks(t) || LeadsIntoOtherClause(t) || IsPreposition(Lower(t))) break;
        }
        if (final_slot_optional_ && w + 1 == words_.size()) {
          m->end = k;
          m->passive = passive_;
          return true;
        }
        return false;
      case CompiledWord::kGoods: {
        uint32_t longest = k;
        while (longest < tokens_.size() && longest - k < 4 && IsGoodsWord(tokens_[longest].text)) ++longest;
        for (uint32_t e = longest; e > k; --e) {
          m->goods_begin = k;
          m->goods_end = e;
          if (Match(w + 1, e, m)) return true;
        }
        return false;
      }
    }
    return false;
  }

 private:
  // The token after "[the] <officials> of" at k ("the foreign ministers of"), or k.
  uint32_t RepresentativesOf(uint32_t k) const {
    static const auto kOfficials = std::to_array<std::string_view>(
        {"ministers",       "minister",    "leaders",     "leader",    "president",  "presidents",
         "representatives", "officials",   "envoys",      "envoy",     "delegation", "delegations",
         "government",      "governments", "authorities", "sheikhdom", "kingdom",    "emirate",
         "republic",        "state",       "nation",      "country"});
    uint32_t i = k;
    if (i < tokens_.size() && Lower(tokens_[i].text) == "the") ++i;
    const uint32_t words = i;
    // Adjectives may be names: "the Middle Eastern sheikhdom of Qatar".
    while (i < tokens_.size() && i - words < 3 && IsWord(tokens_[i].text) && tokens_[i].text != "of") ++i;
    if (i == words || i >= tokens_.size() || tokens_[i].text != "of") return k;
    const std::string head = Lower(tokens_[i - 1].text);
    if (std::find(kOfficials.begin(), kOfficials.end(), head) == kOfficials.end()) return k;
    return i + 1;
  }

  const std::vector<Token>& tokens_;
  const std::vector<uint32_t>& actor_end_;
  const std::vector<uint32_t>* demonym_end_;  // null unless the pattern names a hostile act or force
  const std::vector<CompiledWord>& words_;
  bool passive_;
  bool final_slot_optional_;
};

// Whether tokens[k] stands in an object relative clause: ", which Turkey does not recognize".
bool InObjectRelative(const std::vector<Token>& tokens, uint32_t k) {
  for (uint32_t j = k; j-- > 0 && k - j <= 6;) {
    const std::string w = Lower(tokens[j].text);
    if ((w == "which" || w == "whom") && j > 0 && tokens[j - 1].text == ",") return true;
    if (w == "," || Breaks(w)) return false;
  }
  return false;
}

// Whether tokens[k] is a participle after a form of "be" or "get", adverbs and "not" allowed
// between: "will not be invited", "was reportedly attacked".
bool IsPassive(const std::vector<Token>& tokens, uint32_t k) {
  static constexpr auto kBe =
      std::to_array<std::string_view>({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"});
  const std::string_view verb = tokens[k].text;
  if (verb.size() < 4 || (verb.substr(verb.size() - 2) != "ed" && verb != "struck" && verb != "held" && verb != "sold"))
    return false;
  for (uint32_t j = k; j-- > 0 && k - j <= 3;) {
    const std::string w = Lower(tokens[j].text);
    if (std::find(kBe.begin(), kBe.end(), w) != kBe.end()) return true;
    if (w != "not" && w != "also" && w != "reportedly" && w != "allegedly" &&
        !(w.size() > 3 && w.substr(w.size() - 2) == "ly"))
      return false;
  }
  return false;
}

}  // namespace

std::vector<PatternMatch> MatchPatterns(const std::vector<Token>& tokens, const std::vector<uint32_t>& actor_end,
                                        const std::vector<uint32_t>& demonym_end) {
  const Index& index = PatternIndex();
  std::vector<PatternMatch> matches;
  uint32_t covered = 0;  // a token inside a match does not start another one
  for (uint32_t k = 0; k < tokens.size(); ++k) {
    // A capitalised word inside a sentence is part of a name ("Economic Cooperation forum").
    if (k < covered || (k > 0 && std::isupper(static_cast<unsigned char>(tokens[k].text[0])))) continue;
    auto it = index.by_first_word.find(Lower(tokens[k].text));
    if (it == index.by_first_word.end()) continue;
    for (size_t p : it->second) {
      PatternMatch m;
      m.pattern = index.patterns[p].pattern;
      m.begin = k;
      if (!Matcher(tokens, actor_end, demonym_end, index.patterns[p], IsPassive(tokens, k), InObjectRelative(tokens, k))
               .Match(0, k, &m))
        continue;
      // The trigger is the first content word: "'s ... come from" is carried by "come".
      m.trigger = k;
      if (index.patterns[p].words.front().alternatives.front() == "'s") m.trigger = m.end - 2;
      matches.push_back(m);
      covered = m.slot >= 0 ? static_cast<uint32_t>(m.slot) : m.end;
      break;
    }
  }
  return matches;
}

const VerbRelation* RelationOfVerb(std::string_view lemma, std::string_view preposition) {
  struct Entry {
    std::string_view lemma, preposition;
    VerbRelation relation;
  };
  static constexpr Entry kVerbs[] = {
      {"praise", "", {kSupport, "praises"}},
      {"hail", "", {kSupport, "hails"}},
      {"commend", "", {kSupport, "commends"}},
      {"applaud", "", {kSupport, "applauds"}},
      {"endorse", "", {kSupport, "endorses"}},
      {"collaborate", "with", {kCooperate, "cooperates with"}},
      {"partner", "with", {kCooperate, "cooperates with"}},
      {"slam", "", {kCriticize, "criticizes"}},
      {"blast", "", {kCriticize, "criticizes"}},
      {"deplore", "", {kCriticize, "criticizes"}},
      {"decry", "", {kCriticize, "criticizes"}},
      {"rebuke", "", {kCriticize, "criticizes"}},
      {"lambast", "", {kCriticize, "criticizes"}},
      {"condemn", "", {kCriticize, "criticizes"}},
      {"bomb", "", {kAttack, "attacks"}},
      {"shell", "", {kAttack, "attacks"}},
      {"raid", "", {kAttack, "attacks"}},
      {"invade", "", {kAttack, "invades"}},
      {"target", "", {kAttack, "attacks"}},
      {"attack", "", {kAttack, "attacks"}},
      {"arm", "", {kSupply, "arms"}},
      {"fund", "", {kSupply, "funds"}},
      {"finance", "", {kSupply, "funds"}},
      {"sell", "to", {kSupply, "sells to"}},
      {"ship", "to", {kSupply, "supplies"}},
      {"export", "to", {kSupply, "exports to"}},
      {"lend", "", {kSupply, "lends to"}},
      {"lend", "to", {kSupply, "lends to"}},
      {"expel", "", {kSanction, "expels"}},
      {"ban", "", {kSanction, "bans"}},
      {"boycott", "", {kSanction, "boycotts"}},
      {"blacklist", "", {kSanction, "blacklists"}},
      {"penalize", "", {kSanction, "penalizes"}},
      {"penalise", "", {kSanction, "penalizes"}},
      {"rebuff", "", {kReject, "rejects"}},
      {"snub", "", {kReject, "rejects"}},
      {"summon", "", {kProtest, "summons the envoy of"}},
      {"press", "", {kDemand, "presses"}},
      {"tour", "", {kVisit, "tours"}},
      {"sign", "with", {kAgree, "signs an agreement with"}},
      {"trade", "with", {kTrade, "trades with"}},
      {"ally", "with", {kAlly, "is allied with"}},
  };
  for (const Entry& e : kVerbs)
    if (e.lemma == lemma && e.preposition == preposition) return &e.relation;
  return nullptr;
}

std::string NormalizeGoods(const std::vector<Token>& tokens, uint32_t begin, uint32_t end, bool* weapons) {
  static const std::unordered_map<std::string, std::string> kNormal = {
      {"rare earth minerals", "rare earths"},
      {"rare earth elements", "rare earths"},
      {"rare earth metals", "rare earths"},
      {"rare-earth minerals", "rare earths"},
      {"rare-earth elements", "rare earths"},
      {"rare-earth metals", "rare earths"},
      {"rare earth", "rare earths"},
      {"chip", "chips"},
      {"semiconductor", "semiconductors"},
      {"arms", "weapons"},
      {"weaponry", "weapons"},
      {"liquefied natural gas", "LNG"},
      {"crude", "crude oil"},
  };
  static const auto kDropped =
      std::to_array<std::string_view>({"annual", "total", "overall", "monthly", "yearly", "the", "its", "their"});
  std::string goods;
  for (uint32_t k = begin; k < end; ++k) {
    const std::string w = Lower(tokens[k].text);
    if (std::find(kDropped.begin(), kDropped.end(), w) != kDropped.end()) continue;
    if (!goods.empty()) goods += ' ';
    goods += w;
  }
  if (auto it = kNormal.find(goods); it != kNormal.end()) goods = it->second;
  static const auto kWeapons =
      std::to_array<std::string_view>({"weapons", "missiles", "ammunition", "munitions", "tanks", "drones", "jets",
                                       "fighter jets", "artillery", "military aid", "warships", "rockets"});
  *weapons = std::find(kWeapons.begin(), kWeapons.end(), goods) != kWeapons.end();
  return goods;
}

}  // namespace geokg::extract::internal
