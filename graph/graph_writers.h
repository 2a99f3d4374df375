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

// The one-row-per-fact forms (GraphML, CSV) cite the article of the fact's first sentence: doc,
// doc_date, doc_title, doc_url, doc_source; N-Triples and Neo4j's evidence file cite every one.

// GraphML with node keys name, type, code and edge keys fact, relation, predicate, cameo,
// modality, mentions, first_time, last_time, time_source, confidence, evidence (the first
// sentence) and its article's doc, doc_date, doc_title, doc_url, doc_source.
void WriteGraphMl(const Graph& graph, std::ostream& out);

// neo4j-admin import: entity nodes (entity:ID, name, type, code, :LABEL), fact relationships
// (:START_ID, :END_ID, :TYPE, fact, the shared fact columns), Document nodes (document:ID = "d:"
// + doc id, doc, date, title, url, source) and EVIDENCE relationships from each Document to the
// subject of each fact it states (fact, sentence, text, time, attribution, confidence).
void WriteNeo4jNodes(const Graph& graph, std::ostream& out);
void WriteNeo4jRelationships(const Graph& graph, std::ostream& out);
void WriteNeo4jDocuments(const Graph& graph, std::ostream& out);
void WriteNeo4jEvidence(const Graph& graph, std::ostream& out);
// pandas: nodes.csv (id, name, type, code) and edges.csv (fact, source, target, relation, ...).
void WritePlainNodes(const Graph& graph, std::ostream& out);
void WritePlainEdges(const Graph& graph, std::ostream& out);

// N-Triples: each asserted fact as a plain triple, and every fact (asserted, expected or
// negated) as an rdf:Statement carrying modality, time, mentions, confidence and provenance:
// evidence nodes and ns#document links to Document resources with title, date, url, source.
void WriteNTriples(const Graph& graph, std::ostream& out);

}  // namespace geokg
