-- Access's sign-in bookkeeping changes with every sign-in and every use of a key, and says nothing about the account:
-- the audit trail leaves it out (it had been left out for every table by the shared functions before 0028).
SELECT shared.track_changes('access.users', 'failed_logins', 'locked_until', 'last_login_at');
SELECT shared.track_changes('access.api_clients', 'last_used_at');
