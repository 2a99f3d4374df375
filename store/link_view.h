// store/link_view.h -- the link graph of every fact, kept beside the store (the file `link-view`
// in its directory) so that whole-graph questions read one file instead of every index key. The
// file is tagged with the sequence number of the store state it describes; a store in any other
// state finds it stale and does not use it (docs/STORE.md, "The link view").
//
//   auto graph = store::LinkViewOf(*store);   // saved view, or built from the spo index
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "graph/link_graph.h"
#include "graph/status.h"
#include "store/store.h"

namespace geokg::store {

// Where the link view of the store in `dir` is kept.
std::filesystem::path LinkViewPath(const std::filesystem::path& dir);

// A fact's index entry as the link graph sees it.
LinkArc ArcOf(const Link& link);

// The LinkGraph of every fact `store` holds: the saved view when it describes the state the
// store reads, else one built from the spo index (one pass over every key), which is then
// saved, when that state is durable (Store::Durable), for the next question. Saving is best
// effort (a reader may not be allowed to write): a failure only means building again next time.
// Without `with_links` a saved view is read without its facts (LinkGraph::Load).
Result<LinkGraph> LinkViewOf(const Store& store, bool with_links = true);

// The saved view, mapped in place (only the pages a walk touches are read), when it describes
// the state `store` reads; nullopt when it is missing, stale or unreadable.
std::optional<MappedLinkGraph> MappedLinkViewOf(const Store& store);

// The LinkGraph of every fact, built from the spo index (one pass over every key), not saved.
Result<LinkGraph> LinkViewFromIndex(const Store& store);

// What a writer changed in the link graph since its open: the facts it created and deleted,
// and how many sequence numbers the batches that did so used, so that Store::Close can tell
// whether they account for every write (a write made another way forces a rebuild).
struct LinkChanges {
  std::vector<Link> added;
  std::vector<FactId> removed;
  uint64_t sequence_used = 0;
  bool complete = true;  // false once there were too many to keep, or writes went untracked

  // Counts one written batch of `keys` keys that created `created` and deleted `deleted`.
  void Count(const std::vector<Link>& created, const std::vector<FactId>& deleted, uint64_t keys);
};

// Brings the saved view up to date as a writer closes, after its final flush (Store::Close
// calls it). The writer opened the store at sequence number `opened_at` and made `changes`.
// When the view was current then and `changes` is complete, the view is patched: re-tagged
// when no fact came or went (a writer that wrote nothing, or changed only evidence), else its
// facts are updated and its arrays built from them, with no pass over the index. Otherwise it
// is rebuilt from the spo index. On failure the stale view stays, and is not used.
Status RefreshLinkView(const Store& store, uint64_t opened_at, const LinkChanges& changes);

// What is wrong with the saved view: nothing when there is none or it describes another state
// (stale views are never used); a problem when it cannot be read, or describes this state but
// differs from the graph the indexes give.
Result<std::vector<std::string>> VerifyLinkView(const Store& store);

}  // namespace geokg::store
