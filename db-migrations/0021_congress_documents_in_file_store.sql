-- Congress documents keep their bytes in the shared file store (0020): each document names its file by file_id, and
-- congress.document_contents goes, every byte checked first (shared.move_into_file_store). The same bytes twice in an
-- enterprise become one file.
SELECT shared.move_into_file_store('congress.documents', 'congress.document_contents');
-- It was there for document_contents' foreign key; file_id names the bytes now.
ALTER TABLE congress.documents DROP CONSTRAINT documents_file_key;
