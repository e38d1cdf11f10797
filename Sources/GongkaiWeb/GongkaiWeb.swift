// GongkaiWeb serves the staff area (/admin), the public record pages and the JSON API with Hummingbird.
// Handlers parse input, ask GongkaiCore's Permissions and call GongkaiStore, then render a Sendable view
// struct with a Mustache template (Templates/). Nothing here decides who may do what.
