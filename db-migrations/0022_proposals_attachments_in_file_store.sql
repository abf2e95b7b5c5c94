-- Proposal attachments keep their bytes in the shared file store (0020): each attachment names its file by file_id,
-- and proposals.attachment_contents goes, every byte checked first (shared.move_into_file_store). The same bytes twice
-- in an enterprise (attachments, or an attachment and a congress document) become one file.
SELECT shared.move_into_file_store('proposals.attachments', 'proposals.attachment_contents');
-- It was there for attachment_contents' foreign key; file_id names the bytes now.
ALTER TABLE proposals.attachments DROP CONSTRAINT attachments_file_key;
