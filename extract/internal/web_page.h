// extract/internal/web_page.h -- reads a saved news web page with an HTML5 parser (gumbo, the parsing
// algorithm browsers use, so that broken markup reads as a browser shows it): its metadata and
// the article's own paragraphs, without the page furniture around them (navigation, related
// headlines, captions, share prompts, cookie banners, scripts). Pure function: thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "graph/status.h"

namespace geokg::extract::internal {

struct WebPage {
  std::string title;   // og:title, else <title>, else JSON-LD headline, else the first <h1>
  std::string date;    // YYYY-MM-DD of article:published_time, else <time datetime>, else JSON-LD
                       // datePublished; empty when the page gives no valid one
  std::string url;     // <link rel=canonical>, else og:url, else JSON-LD url
  std::string source;  // og:site_name, else JSON-LD publisher name
  // The article's paragraphs, white space collapsed as a browser shows it, separated by a blank
  // line (the paragraph convention of .txt articles); empty when the page has none.
  std::string text;
};

enum class PageBytes {
  kAsStored,  // a file's bytes: the character set the page declares (<meta charset>) applies
  kUtf8,      // already decoded (a JSON string): a declared character set is ignored
};

// The page's article. kInvalidInput when the page declares a character set that cannot be
// converted to UTF-8 (the message names it), or nests elements more than 5000 deep (parsing
// such a page costs time quadratic in its depth; real pages nest a few dozen deep). Bytes that are invalid in the
// page's character set become U+FFFD. The text is taken from the page's article element (schema.org articleBody, else
// <article>, else <main>, else <body>): its <p> paragraphs outside furniture, keeping those that are not mostly links;
// when there are none, JSON-LD articleBody.
Result<WebPage> ReadWebPage(std::string_view page, PageBytes bytes);

}  // namespace geokg::extract::internal
