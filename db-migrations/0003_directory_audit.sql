-- Every change to the Directory's tables is recorded in the audit trail.
SELECT shared.track_changes('directory.organisations');
SELECT shared.track_changes('directory.workers');
SELECT shared.track_changes('directory.congress_terms');
SELECT shared.track_changes('directory.representatives');
