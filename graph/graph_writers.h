// graph/graph_writers.h -- a Graph as the files other tools load (docs/FORMATS.md): GraphML
// for networkx and Gephi, the CSV files of `neo4j-admin database import` and a plain node/edge
// pair for pandas, and RDF N-Triples with every fact reified. All names are escaped for their
// format, so no entity name can break a file. Writing only; thread-compatible.
#pragma once

#include <ostream>
#include <string_view>

#include "graph/graph_view.h"

namespace geokg {

// The namespace of geokg's RDF vocabulary, entities and facts.
inline constexpr std::string_view kRdfNamespace = "https://geokg.example.org/";

// GraphML with node keys name, type, code and edge keys fact, relation, predicate, cameo,
// modality, mentions, first_time, last_time, confidence, evidence (the first sentence).
void WriteGraphMl(const Graph& graph, std::ostream& out);

// neo4j-admin import: nodes (entity:ID, name, type, code, :LABEL) and relationships
// (:START_ID, :END_ID, :TYPE, fact, predicate, cameo, modality, mentions:int, first_time,
// last_time, confidence:float).
void WriteNeo4jNodes(const Graph& graph, std::ostream& out);
void WriteNeo4jRelationships(const Graph& graph, std::ostream& out);
// pandas: nodes.csv (id, name, type, code) and edges.csv (fact, source, target, relation, ...).
void WritePlainNodes(const Graph& graph, std::ostream& out);
void WritePlainEdges(const Graph& graph, std::ostream& out);

// N-Triples: each asserted fact as a plain triple, and every fact (asserted, expected or
// negated) as an rdf:Statement carrying modality, time, mentions, confidence and provenance.
void WriteNTriples(const Graph& graph, std::ostream& out);

}  // namespace geokg
