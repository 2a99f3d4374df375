#include "extract/internal/web_page.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>
#include <unordered_map>
#include <vector>

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include "extract/internal/cues.h"
#include "graph/calendar_date.h"

namespace geokg::extract::internal {
namespace {

using Json = nlohmann::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n\f");
  if (begin == std::string_view::npos) return "";
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r\n\f") - begin + 1));
}

// Runs of HTML white space and no-break spaces as one space, trimmed: the text as a browser
// shows it, with the spaces a .txt article would have.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      space = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The parse tree, freed with the object.
class Parsed {
 public:
  explicit Parsed(std::string_view html)
      : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}
  ~Parsed() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

bool IsElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

std::string_view Attribute(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool HasAttribute(const GumboNode* n, const char* name) {
  return IsElement(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

// Calls f(node) for `n` and every node below it, in document order; f returns false to skip
// what lies below a node. Iterative: a page may nest elements deeper than the call stack goes.
template <class F>
void Walk(const GumboNode* n, F&& f) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack;  // element, next child
  if (f(n) && IsElement(n)) stack.emplace_back(n, 0);
  while (!stack.empty()) {
    auto& [parent, next] = stack.back();
    const GumboVector& children = parent->v.element.children;
    if (next == children.length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[next++]);
    if (f(child) && IsElement(child)) stack.emplace_back(child, 0);
  }
}

// Whether `n` lies below an <a> within `limit`.
bool InLink(const GumboNode* n, const GumboNode* limit) {
  for (const GumboNode* p = n->parent; p != nullptr && p != limit; p = p->parent)
    if (IsElement(p) && p->v.element.tag == GUMBO_TAG_A) return true;
  return false;
}

// Whether `label` (any case, any white space) says `word` among words split at spaces.
bool HasWord(std::string_view list, std::string_view word) {
  const std::string lower = Lower(list);
  size_t pos = 0;
  while (pos < lower.size()) {
    const size_t begin = lower.find_first_not_of(" \t\n", pos);
    if (begin == std::string::npos) break;
    const size_t end = std::min(lower.find_first_of(" \t\n", begin), lower.size());
    if (std::string_view(lower).substr(begin, end - begin) == word) return true;
    pos = end;
  }
  return false;
}

// --- character sets ----------------------------------------------------------------------------

// The character set a page declares in <meta charset> or <meta http-equiv content>, lower case;
// empty when none. The markup that declares it is ASCII, so the page parses well enough to
// find it before it is decoded.
std::string DeclaredCharset(const GumboNode* root) {
  std::string found;
  Walk(root, [&](const GumboNode* n) {
    if (!found.empty() || !IsElement(n)) return false;
    if (n->v.element.tag != GUMBO_TAG_META) return true;
    if (std::string_view charset = Attribute(n, "charset"); !charset.empty()) {
      found = Lower(Trim(charset));
    } else if (Lower(Attribute(n, "http-equiv")) == "content-type") {
      const std::string content = Lower(Attribute(n, "content"));
      if (size_t at = content.find("charset="); at != std::string::npos) {
        std::string value = content.substr(at + 8);
        value = value.substr(0, value.find_first_of("; \t"));
        value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
        value.erase(std::remove(value.begin(), value.end(), '\''), value.end());
        found = value;
      }
    }
    return false;
  });
  return found;
}

// The iconv name of a declared character set, following the WHATWG Encoding standard where it
// differs from the label (browsers read "iso-8859-1" and "us-ascii" as windows-1252; a meta
// "utf-16" on an ASCII-compatible page means UTF-8). Empty for UTF-8.
std::string IconvName(const std::string& label) {
  if (label.empty() || label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" ||
      label.rfind("utf-16", 0) == 0)
    return "";
  for (const char* latin1 : {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252",
                             "windows-1252", "x-cp1252", "cp819", "ibm819"})
    if (label == latin1) return "WINDOWS-1252";
  return label;
}

// `bytes` from character set `name` to UTF-8; a byte sequence invalid in it becomes U+FFFD.
Result<std::string> ToUtf8(std::string_view bytes, const std::string& name, const std::string& label) {
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    return Status::InvalidInput("declares the character set \"" + label +
                                "\", which cannot be converted to UTF-8 (convert the page with iconv)");
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, iconv_close);
  std::string out;
  std::vector<char> in_buffer(bytes.begin(), bytes.end());
  char* in = in_buffer.data();
  size_t in_left = in_buffer.size();
  char chunk[4096];
  while (in_left > 0) {
    char* to = chunk;
    size_t to_left = sizeof chunk;
    const size_t r = iconv(cd, &in, &in_left, &to, &to_left);
    out.append(chunk, to - chunk);
    if (r != static_cast<size_t>(-1) || errno == E2BIG) continue;
    // EILSEQ or EINVAL (a sequence cut at the end): one replacement character per bad byte.
    out += "\xEF\xBF\xBD";
    ++in;
    --in_left;
  }
  return out;
}

// --- nesting bound ------------------------------------------------------------------------------

// HTML5 tree construction scans the open elements for each new one, so a page that nests
// elements N deep costs N^2 (8 MiB of "<div>" would take hours). Real pages nest a few dozen
// deep; this bounds the cost before parsing.
constexpr size_t kMaxNesting = 5000;

bool IsVoidElement(std::string_view name) {
  for (const char* v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                        "wbr", "param", "keygen"})
    if (name == v) return true;
  return false;
}

// An upper bound on how deep `page` nests: start tags of elements that take content, less end
// tags, at their highest (elements that HTML closes implicitly only make it higher).
size_t NestingBound(std::string_view page) {
  size_t depth = 0, deepest = 0;
  for (size_t i = page.find('<'); i != std::string_view::npos && i + 1 < page.size(); i = page.find('<', i + 1)) {
    const bool end = page[i + 1] == '/';
    size_t j = i + (end ? 2 : 1);
    const size_t name_start = j;
    while (j < page.size() && std::isalnum(static_cast<unsigned char>(page[j])) && j - name_start < 16) ++j;
    if (j == name_start || !std::isalpha(static_cast<unsigned char>(page[name_start]))) continue;
    const std::string name = Lower(page.substr(name_start, j - name_start));
    if (end) {
      depth -= depth > 0 ? 1 : 0;
    } else if (!IsVoidElement(name)) {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

// --- page furniture ----------------------------------------------------------------------------

// Elements that never hold article prose.
bool IsFurnitureTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Words of class and id values that name furniture ("share-bar", "related_links", "cookie-banner").
bool IsFurnitureWord(std::string_view w) { return IsCue(Cue::kFurnitureWord, w); }

bool NamesFurniture(std::string_view value) {
  const std::string lower = Lower(value);
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    size_t end = i;
    while (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))) ++end;
    if (end > i && IsFurnitureWord(std::string_view(lower).substr(i, end - i))) return true;
    i = end;
  }
  return false;
}

bool IsFurnitureRole(std::string_view role) {
  for (const char* r :
       {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "search", "toolbar"})
    if (HasWord(role, r)) return true;
  return false;
}

bool IsArticleBody(const GumboNode* n) { return HasWord(Attribute(n, "itemprop"), "articlebody"); }

// The text below `n`, without what lies below furniture tags, as stored (not collapsed);
// `linked` (when given) counts the bytes of it that are link text.
void AppendText(const GumboNode* n, std::string* out, size_t* linked = nullptr) {
  Walk(n, [&](const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      out->append(node->v.text.text);
      if (linked != nullptr && InLink(node, n)) *linked += std::string_view(node->v.text.text).size();
      return false;
    }
    if (!IsElement(node) || IsFurnitureTag(node->v.element.tag)) return false;
    if (node->v.element.tag == GUMBO_TAG_BR) out->push_back(' ');
    return true;
  });
}

std::string TextOf(const GumboNode* n) {
  std::string text;
  AppendText(n, &text);
  return Collapse(text);
}

// Chooses the article's element and its paragraphs.
class BodyFinder {
 public:
  explicit BodyFinder(const GumboNode* document) : document_(document) {}

  // The element that holds the article: schema.org articleBody, else <article>, else <main>,
  // else <body>; of several, the one with the most paragraph text. Never one inside furniture
  // (a teaser <article> in an <aside>).
  const GumboNode* Root() {
    for (auto is_root : {+[](const GumboNode* n) { return IsArticleBody(n); },
                         +[](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_ARTICLE; },
                         +[](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_MAIN; },
                         +[](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_BODY; }}) {
      const GumboNode* best = nullptr;
      size_t best_length = 0;
      Walk(document_, [&](const GumboNode* n) {
        if (!IsElement(n) || IsFurnitureTag(n->v.element.tag)) return false;
        if (is_root(n)) {
          const size_t length = ParagraphLength(n);
          if (best == nullptr || length > best_length) best = n, best_length = length;
        }
        return true;
      });
      if (best != nullptr && (best_length > 0 || best->v.element.tag == GUMBO_TAG_BODY)) return best;
    }
    return document_;
  }

  // The paragraphs of `root` that are article prose, in order.
  std::vector<std::string> Paragraphs(const GumboNode* root) {
    const size_t root_length = TextOf(root).size();
    std::vector<std::string> out;
    Walk(root, [&](const GumboNode* n) {
      if (!IsElement(n)) return false;
      if (n != root && IsFurniture(n, root_length)) return false;
      if (n->v.element.tag != GUMBO_TAG_P) return true;
      std::string raw;
      size_t linked = 0;
      AppendText(n, &raw, &linked);
      std::string text = Collapse(raw);
      if (IsProse(text, raw.size(), linked)) out.push_back(std::move(text));
      return false;
    });
    return out;
  }

 private:
  // Furniture by its tag, its hidden state, its role or the words of its class and id. A
  // wrapper holding most of the article ("has-sidebar" on the page layout) is not, whatever its
  // class says.
  bool IsFurniture(const GumboNode* n, size_t root_length) const {
    if (IsFurnitureTag(n->v.element.tag)) return true;
    if (HasAttribute(n, "hidden") || Lower(Attribute(n, "aria-hidden")) == "true") return true;
    const std::string style = Lower(Attribute(n, "style"));
    if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos)
      return true;
    if (IsArticleBody(n)) return false;
    const bool named = IsFurnitureRole(Attribute(n, "role")) || NamesFurniture(Attribute(n, "class")) ||
                       NamesFurniture(Attribute(n, "id"));
    return named && TextOf(n).size() * 2 < root_length;
  }

  // Prose: not mostly link text (a list of headlines), and a sentence rather than a label
  // ("Advertisement", "Read more").
  static bool IsProse(const std::string& text, size_t length, size_t linked) {
    if (text.empty() || linked * 2 > length) return false;
    const char last = text.back();
    const bool ends_sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ')' ||
                               (text.size() >= 3 && static_cast<unsigned char>(text[text.size() - 3]) == 0xE2);
    return ends_sentence || std::count(text.begin(), text.end(), ' ') >= 3;
  }

  size_t ParagraphLength(const GumboNode* root) const {
    size_t length = 0;
    Walk(root, [&](const GumboNode* n) {
      if (!IsElement(n) || IsFurnitureTag(n->v.element.tag)) return false;
      if (n->v.element.tag != GUMBO_TAG_P) return true;
      length += TextOf(n).size();
      return false;
    });
    return length;
  }

  const GumboNode* document_;
};

// --- metadata ----------------------------------------------------------------------------------

// What schema.org JSON-LD says of the page's article (NewsArticle, Article, ... or any object
// with datePublished, also inside an array or @graph).
struct LinkedData {
  std::string headline, date, url, publisher, body;
};

std::string JsonText(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? Collapse(it->get<std::string>()) : std::string();
}

const Json* FindArticle(const Json& j) {
  if (j.is_array()) {
    for (const Json& item : j)
      if (const Json* found = FindArticle(item)) return found;
    return nullptr;
  }
  if (!j.is_object()) return nullptr;
  if (j.contains("datePublished") || j.contains("articleBody")) return &j;
  if (auto graph = j.find("@graph"); graph != j.end()) return FindArticle(*graph);
  return nullptr;
}

LinkedData ReadLinkedData(const GumboNode* root) {
  LinkedData data;
  Walk(root, [&](const GumboNode* n) {
    if (!IsElement(n)) return false;
    if (n->v.element.tag != GUMBO_TAG_SCRIPT) return true;
    if (Lower(Trim(Attribute(n, "type"))) != "application/ld+json" || !data.date.empty() || !data.headline.empty())
      return false;
    std::string text;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) text += child->v.text.text;
    }
    const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    const Json* article = FindArticle(j);
    if (article == nullptr) return false;
    data.headline = JsonText(*article, "headline");
    data.date = JsonText(*article, "datePublished");
    data.url = JsonText(*article, "url");
    data.body = JsonText(*article, "articleBody");
    if (auto publisher = article->find("publisher"); publisher != article->end()) {
      const Json& p = publisher->is_array() && !publisher->empty() ? publisher->front() : *publisher;
      data.publisher = p.is_object() ? JsonText(p, "name") : p.is_string() ? Collapse(p.get<std::string>()) : "";
    }
    return false;
  });
  return data;
}

std::string FirstOf(std::initializer_list<std::string> values) {
  for (const std::string& v : values)
    if (!v.empty()) return v;
  return "";
}

// <title> usually ends with the site's name ("Headline | Site"): cut it when it is the source.
std::string WithoutSiteName(std::string title, const std::string& source) {
  if (source.empty()) return title;
  for (const char* separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    const std::string suffix = separator + source;
    if (title.size() > suffix.size() && title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0)
      return title.substr(0, title.size() - suffix.size());
  }
  return title;
}

WebPage Read(const GumboNode* document) {
  std::unordered_map<std::string, std::string> meta;  // property or name -> content, first given
  std::string title, canonical, h1;
  Walk(document, [&](const GumboNode* n) {
    if (!IsElement(n)) return false;
    switch (n->v.element.tag) {
      case GUMBO_TAG_META:
        for (const char* key : {"property", "name", "itemprop"})
          if (std::string_view k = Attribute(n, key); !k.empty())
            meta.try_emplace(Lower(Trim(k)), Collapse(Attribute(n, "content")));
        return false;
      case GUMBO_TAG_LINK:
        if (canonical.empty() && HasWord(Attribute(n, "rel"), "canonical")) canonical = Trim(Attribute(n, "href"));
        return false;
      case GUMBO_TAG_TITLE:
        if (title.empty()) title = TextOf(n);
        return false;
      case GUMBO_TAG_H1:
        if (h1.empty()) h1 = TextOf(n);
        return false;
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
        return false;
      default:
        return true;
    }
  });
  auto meta_of = [&](const char* key) {
    auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
  };
  const LinkedData linked = ReadLinkedData(document);
  BodyFinder finder(document);
  const GumboNode* root = finder.Root();
  // The article's own <time datetime> first: a page lists other stories' times too.
  std::string time;
  for (const GumboNode* scope : {root, document})
    Walk(scope, [&](const GumboNode* n) {
      if (!time.empty() || !IsElement(n)) return false;
      if (n->v.element.tag == GUMBO_TAG_TIME && HasAttribute(n, "datetime")) time = Trim(Attribute(n, "datetime"));
      return time.empty();
    });

  WebPage page;
  page.source = FirstOf({meta_of("og:site_name"), linked.publisher});
  page.title = FirstOf({meta_of("og:title"), WithoutSiteName(title, page.source), linked.headline, h1});
  page.url = FirstOf({canonical, meta_of("og:url"), linked.url});
  for (const std::string& date : {meta_of("article:published_time"), meta_of("datepublished"), time, linked.date})
    if (auto day = CalendarDate(date)) {
      page.date = *day;
      break;
    }
  const std::vector<std::string> paragraphs = finder.Paragraphs(root);
  for (const std::string& p : paragraphs) {
    if (!page.text.empty()) page.text += "\n\n";
    page.text += p;
  }
  if (page.text.empty()) page.text = linked.body;
  return page;
}

}  // namespace

Result<WebPage> ReadWebPage(std::string_view page, PageBytes bytes) {
  if (page.substr(0, 3) == "\xEF\xBB\xBF") page.remove_prefix(3);
  if (NestingBound(page) > kMaxNesting)
    return Status::InvalidInput("nests elements more than " + std::to_string(kMaxNesting) +
                                " deep, which no article page does");
  const Parsed parsed(page);
  if (bytes == PageBytes::kAsStored) {
    const std::string label = DeclaredCharset(parsed.root());
    if (const std::string name = IconvName(label); !name.empty()) {
      auto utf8 = ToUtf8(page, name, label);
      if (!utf8.ok()) return utf8.status();
      const Parsed converted(utf8.value());
      return Read(converted.root());
    }
  }
  return Read(parsed.root());
}

}  // namespace geokg::extract::internal
