// geokg entity: what the store knows an entity as, how many facts it has, and the dated
// offices and roles the built-in lexicon gives it.
#include <cstdio>

#include "extract/gazetteer.h"
#include "tools/cli/query_command.h"

namespace geokg::cli {
namespace {

std::string IsoDay(extract::Day day) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  return out;
}

std::string Span(const extract::Term& term) {
  if (term.from == 0 && term.until == 0) return "undated";
  return (term.from == 0 ? std::string("?") : IsoDay(term.from)) + " to " +
         (term.until == 0 ? std::string("now") : IsoDay(term.until));
}

// The lexicon's offices of `entity`, oldest first; a person without one shows their CAMEO roles.
std::vector<std::string> LexiconRoles(const Entity& entity) {
  static const Result<extract::Gazetteer> lexicon = extract::Gazetteer::LoadDefault();
  if (!lexicon.ok()) return {};
  const std::optional<uint32_t> entry = lexicon.value().Find(entity.name);
  if (!entry || lexicon.value().entry(*entry).entity.type != entity.type) return {};
  const std::vector<extract::Term> terms = lexicon.value().TermsOf(*entry);
  std::vector<std::string> offices, roles;
  for (const extract::Term& term : terms) {
    if (!term.office.empty())
      offices.push_back(term.office + " of " + term.country + ", " + Span(term));
    else if (!term.code.empty())
      roles.push_back(term.code + ", " + Span(term));
  }
  return offices.empty() ? roles : offices;
}

class EntityCommand : public QueryCommand {
 protected:
  void DeclareOptions(CLI::App* app) override {
    app->add_option("name", name_, "any alias, code or canonical name, any case")->required();
  }

  Result<query::Answer> Answer(const query::Engine& engine) override {
    auto card = engine.Card(name_);
    if (!card.ok()) return card.status();
    card.value().roles = LexiconRoles(card.value().record.entity);
    return query::EntityAnswer(card.value());
  }

  std::string Nothing() const override { return "nothing known about " + name_; }

 private:
  std::string name_;
};

}  // namespace

std::unique_ptr<Command> MakeEntityCommand() { return std::make_unique<EntityCommand>(); }

}  // namespace geokg::cli
