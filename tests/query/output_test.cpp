// An answer's typed values (query/output.h) print in each format as the JSON values they stand
// for would: JSON keys sorted and nulls kept, tables and CSV showing names, joined lists and
// trimmed fractions.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "query/output.h"

using namespace geokg;
using geokg::query::Answer;
using geokg::query::Format;
using geokg::query::TextOrNull;
using geokg::query::Value;

namespace {

// Every kind of value, in one row; the table shows all but "id".
Answer EveryKind() {
  Answer a{{"name", "who", "id", "score", "none", "empty", "list", "counts", "span"},
           {},
           {"name", "who", "score", "none", "empty", "list", "counts", "span"}};
  a.rows.push_back({std::string("Lee, \"Jr\""), Entity{"Moon Jae-in", EntityType::kPerson, "", {}}, uint64_t{42}, 0.5,
                    Value(), TextOrNull(""), std::vector<std::string>{"meet", "call"}, nlohmann::json{{"meet", 2}},
                    nlohmann::json::array({3, 9})});
  a.rows.push_back({std::string("Kim"), Entity{"Seoul", EntityType::kLocation, "", {}}, uint32_t{7}, 2.0, nullptr,
                    TextOrNull("x"), std::vector<std::string>{}, nlohmann::json::object(), nlohmann::json::array()});
  return a;
}

std::string Written(const Answer& answer, Format format) {
  std::ostringstream out;
  query::WriteAnswer(answer, format, out);
  return out.str();
}

}  // namespace

TEST_CASE("typed values print in every format as the JSON values they stand for", "[query][output]") {
  const Answer a = EveryKind();
  CHECK(Written(a, Format::kJsonl) ==
        "{\"counts\":{\"meet\":2},\"empty\":null,\"id\":42,\"list\":[\"meet\",\"call\"],\"name\":\"Lee, \\\"Jr\\\"\","
        "\"none\":null,\"score\":0.5,\"span\":[3,9],\"who\":{\"name\":\"Moon Jae-in\",\"type\":\"person\"}}\n"
        "{\"counts\":{},\"empty\":\"x\",\"id\":7,\"list\":[],\"name\":\"Kim\",\"none\":null,\"score\":2.0,"
        "\"span\":[],\"who\":{\"name\":\"Seoul\",\"type\":\"location\"}}\n");
  // JSON: the same objects, indented, in one array.
  nlohmann::json rows = nlohmann::json::array();
  std::istringstream lines(Written(a, Format::kJsonl));
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  CHECK(Written(a, Format::kJson) == rows.dump(2) + "\n");
  CHECK(Written(a, Format::kCsv) ==
        "name,who,id,score,none,empty,list,counts,span\n"
        "\"Lee, \"\"Jr\"\"\",Moon Jae-in,42,0.5,,,\"meet, call\",\"{\"\"meet\"\":2}\",\"3, 9\"\n"
        "Kim,Seoul,7,2,,x,,{},\n");
  CHECK(Written(a, Format::kTable) ==
        "name       who          score  none  empty  list        counts      span\n"
        "Lee, \"Jr\"  Moon Jae-in  0.5    -     -      meet, call  {\"meet\":2}  3, 9\n"
        "Kim        Seoul        2      -     x      -           {}          -\n");
}

TEST_CASE("a table shows a column no row has as empty, and nothing for no rows", "[query][output]") {
  Answer a{{"name"}, {{std::string("Lee")}}, {"name", "missing"}};
  CHECK(Written(a, Format::kTable) == "name  missing\nLee   -\n");
  a.rows.clear();
  CHECK(Written(a, Format::kTable).empty());
  CHECK(Written(a, Format::kJson) == "[]\n");
  CHECK(Written(a, Format::kCsv) == "name\n");
}
