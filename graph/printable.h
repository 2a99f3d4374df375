// graph/printable.h -- text made safe for a terminal. Names, titles and sentences come from
// whoever wrote the article or the file name; printed raw, an escape sequence in them could
// retitle the window, clear the screen or hide text. Thread-safe, no state.
#pragma once

#include <string>
#include <string_view>

namespace geokg {

// `text` with every control character made visible and inert: tab, line feed and carriage
// return become a space (keeps a table row or a message on one line); the other C0 controls
// and DEL become `\xHH`, the C1 controls (U+0080..U+009F) `\u00HH`. Everything else, invalid
// UTF-8 included, is left as it is.
std::string Printable(std::string_view text);

}  // namespace geokg
