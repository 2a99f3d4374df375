#include "store/link_view.h"

#include <unordered_set>

namespace geokg::store {
namespace fs = std::filesystem;

namespace {

// The saved view when it is tagged `sequence`; nullopt when it is missing, stale or damaged.
std::optional<LinkGraph> LoadCurrent(const fs::path& path, uint64_t sequence, bool with_links) {
  auto tag = LinkGraph::SavedTag(path);
  if (!tag.ok() || tag.value() != sequence) return std::nullopt;
  uint64_t loaded_tag = 0;
  auto loaded = LinkGraph::Load(path, &loaded_tag, with_links);  // a writer may have replaced it meanwhile
  if (!loaded.ok() || loaded_tag != sequence) return std::nullopt;
  return std::move(loaded).value();
}

}  // namespace

fs::path LinkViewPath(const fs::path& dir) { return dir / "link-view"; }

LinkArc ArcOf(const Link& link) {
  return {link.fact, link.subject, link.object, !Info(link.relation).symmetric, link.relation, link.modality};
}

std::optional<MappedLinkGraph> MappedLinkViewOf(const Store& store) {
  uint64_t tag = 0;
  auto mapped = MappedLinkGraph::Open(LinkViewPath(store.path()), &tag);
  if (!mapped.ok() || tag != store.Sequence()) return std::nullopt;
  return std::move(mapped).value();
}

Result<LinkGraph> LinkViewFromIndex(const Store& store) {
  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();
  std::vector<LinkArc> links;
  links.reserve(stats.value().facts);
  GEOKG_RETURN_IF_ERROR(store.ForEachLink({}, [&](const Link& link) {
    links.push_back(ArcOf(link));
    return Status();
  }));
  return LinkGraph::Build(std::move(links));
}

Result<LinkGraph> LinkViewOf(const Store& store, bool with_links) {
  const uint64_t sequence = store.Sequence();
  const fs::path path = LinkViewPath(store.path());
  if (std::optional<LinkGraph> saved = LoadCurrent(path, sequence, with_links)) return std::move(*saved);
  auto built = LinkViewFromIndex(store);
  if (built.ok() && store.Durable()) (void)built.value().Save(path, sequence);
  return built;
}

void LinkChanges::Count(const std::vector<Link>& created, const std::vector<FactId>& deleted, uint64_t keys) {
  // Beyond this many (about 100 MB) one pass over the index is cheaper than keeping them.
  constexpr size_t kMaxKept = size_t{1} << 22;
  sequence_used += keys;
  if (!complete) return;
  if (added.size() + removed.size() + created.size() + deleted.size() > kMaxKept) {
    complete = false;
    added = {};
    removed = {};
    return;
  }
  added.insert(added.end(), created.begin(), created.end());
  removed.insert(removed.end(), deleted.begin(), deleted.end());
}

namespace {

// The view saved at `path` tagged `opened_at`, with `changes` applied; nullopt when there is
// no such view.
std::optional<LinkGraph> Patched(const fs::path& path, uint64_t opened_at, const LinkChanges& changes) {
  uint64_t tag = 0;
  auto saved = LinkGraph::Load(path, &tag);
  if (!saved.ok() || tag != opened_at) return std::nullopt;
  LinkGraph old = std::move(saved).value();
  const std::unordered_set<FactId> removed(changes.removed.begin(), changes.removed.end());
  std::vector<LinkArc> links;
  links.reserve(old.link_count() + changes.added.size());
  for (const LinkArc& arc : old.links())
    if (!removed.count(arc.fact)) links.push_back(arc);
  old = LinkGraph();  // its memory back before the new arrays are built
  for (const Link& link : changes.added)
    if (!removed.count(link.fact)) links.push_back(ArcOf(link));
  return LinkGraph::Build(std::move(links));
}

}  // namespace

Status RefreshLinkView(const Store& store, uint64_t opened_at, const LinkChanges& changes) {
  const uint64_t sequence = store.Sequence();
  const fs::path path = LinkViewPath(store.path());
  // Temporary files of processes killed while saving (LinkGraph::Save names them so).
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(store.path(), ec))
    if (entry.path().filename().string().starts_with(path.filename().string() + ".tmp-")) fs::remove(entry.path(), ec);
  if (changes.complete) {
    if (changes.added.empty() && changes.removed.empty() && LinkGraph::Retag(path, opened_at, sequence).ok())
      return Status();
    if (std::optional<LinkGraph> patched = Patched(path, opened_at, changes)) return patched->Save(path, sequence);
  }
  auto built = LinkViewFromIndex(store);
  if (!built.ok()) return built.status();
  return built.value().Save(path, sequence);
}

Result<std::vector<std::string>> VerifyLinkView(const Store& store) {
  const fs::path path = LinkViewPath(store.path());
  std::vector<std::string> problems;
  uint64_t tag = 0;
  auto saved = LinkGraph::Load(path, &tag);
  if (saved.status().code() == Code::kNotFound) return problems;
  if (!saved.ok()) {
    problems.push_back("link view: " + saved.status().message());
    return problems;
  }
  if (tag != store.Sequence()) return problems;
  auto built = LinkViewFromIndex(store);
  if (!built.ok()) return built.status();
  const LinkGraph& view = saved.value();
  const LinkGraph& indexes = built.value();
  if (!(view == indexes))
    problems.push_back("link view: " + path.string() + " claims the store's state (sequence " + std::to_string(tag) +
                       ") but differs from its indexes (" + std::to_string(view.link_count()) + " facts and " +
                       std::to_string(view.vertex_count()) + " entities in the view, " +
                       std::to_string(indexes.link_count()) + " and " + std::to_string(indexes.vertex_count()) +
                       " in the indexes)");
  return problems;
}

}  // namespace geokg::store
