-- A document's search vector follows its title and plain text by itself: whoever creates a
-- document, renames it or stores its derived text is found by it at once, without each writer
-- having to remember to refresh it. The title weighs more than the text. to_tsvector refuses
-- vectors over 1 MB, so only the first 200,000 characters of a longer text are indexed.
CREATE FUNCTION document_search_vector() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', NEW.title), 'A') ||
    setweight(to_tsvector('english', left(NEW."plainText", 200000)), 'B');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_search_vector_on_insert"
  BEFORE INSERT ON "Document"
  FOR EACH ROW EXECUTE FUNCTION document_search_vector();

-- Only when the words changed: a move, a lock or a store of the same text parses nothing.
CREATE TRIGGER "Document_search_vector_on_update"
  BEFORE UPDATE OF title, "plainText" ON "Document"
  FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD."plainText" IS DISTINCT FROM NEW."plainText")
  EXECUTE FUNCTION document_search_vector();

-- Made again for every document: one never stored had none, one renamed before now an old title.
UPDATE "Document" SET "searchVector" =
  setweight(to_tsvector('english', title), 'A') ||
  setweight(to_tsvector('english', left("plainText", 200000)), 'B');
