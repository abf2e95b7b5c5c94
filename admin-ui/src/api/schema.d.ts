// Generated from the API's OpenAPI document by `npm run generate-api`; do not edit.
export interface paths {
    "/api/v1/access/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit trail of the organisation you act for, newest first, filtered and keyset-paged
         * @description Requires the `access.audit.read` permission at the organisation you act for.
         */
        get: operations["ListAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the API clients of the organisation you act for, newest first
         * @description Requires the `access.clients.manage` permission at the organisation you act for.
         */
        get: operations["ListApiClients"];
        put?: never;
        /**
         * Create an API client; its key is in this response and nowhere else
         * @description Requires the `access.clients.manage` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        post: operations["CreateApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API client (never its key)
         * @description Requires the `access.clients.manage` permission at the organisation you act for.
         */
        get: operations["GetApiClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API client; its key stops working at once
         * @description Requires the `access.clients.manage` permission at the organisation you act for.
         */
        post: operations["RevokeApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/clients/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new key for an API client; the old key stops working at once
         * @description Requires the `access.clients.manage` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        post: operations["RotateApiClientKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with login name and password; sets the session cookie and returns the antiforgery token */
        post: operations["Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: operations["Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who you are, the organisation you act for, your permissions there and all your roles */
        get: operations["GetMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password; your other sessions end. Wrong current passwords count towards the sign-in lockout */
        post: operations["ChangeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the user accounts of the organisation you act for
         * @description Requires the `access.users.read` permission at the organisation you act for.
         */
        get: operations["ListUsers"];
        put?: never;
        /**
         * Create a user account with its first role
         * @description Requires the `access.users.write` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        post: operations["CreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user account with its roles and its worker, and its ETag
         * @description Requires the `access.users.read` permission at the organisation you act for.
         */
        get: operations["GetUser"];
        /**
         * Rename, disable or re-enable a user account, or link it to a worker (needs If-Match)
         * @description Requires the `access.users.write` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        put: operations["UpdateUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/users/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a user another role at an organisation
         * @description Requires the `access.users.write` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        post: operations["GrantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/users/{id}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a role away from a user
         * @description Requires the `access.users.write` permission at the organisation you act for.
         */
        delete: operations["RevokeGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a user account a new password, shown this once; its sessions end, a lockout is lifted, and the user must choose their own at next sign-in
         * @description Requires the `access.users.write` permission at the organisation you act for. Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).
         */
        post: operations["ResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw a document while its session is planned or open, unless delegation groups have recorded opinions on it
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        delete: operations["DeleteDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a document; its ETag is the file's SHA-256, so If-None-Match answers 304 when unchanged
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/documents/{id}/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's roster against a document: who has confirmed reading it, and when
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ListDocumentReads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a document of a session you are a representative in (ETag: its SHA-256)
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        get: operations["GetMyDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/documents/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm you have read a document of your open session; confirming again answers with the first confirmation
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        post: operations["ConfirmReading"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/polls/{id}/ballot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cast your secret ballot on an open motion, election or evaluation; the receipt is shown only now
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        post: operations["CastBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sessions you are a representative in, latest first
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        get: operations["ListMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session you are a representative in: agenda, attendance, and the votes open or closed
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        get: operations["GetMySession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/sessions/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in online to an open session of which you are a representative
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        post: operations["CheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/my/sessions/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The documents of a session you are a representative in, and whether you have confirmed reading each
         * @description Requires the `congress.attend` permission at the organisation you act for.
         */
        get: operations["ListMyDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/polls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a motion, election or evaluation: turnout while open, results once closed
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetPoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/polls/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a vote and count it; passed motion items become resolutions
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["ClosePoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/polls/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a motion, election or evaluation for voting (the session must be quorate)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["OpenPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/polls/{id}/paper-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enter the tellers' counts of the paper ballots, per item and choice
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        put: operations["RecordPaperCounts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/polls/{id}/paper-voters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark on the roll who voted on paper in the hall (hybrid and offline sessions)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["MarkPaperVoters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/receipts/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check that the ballot with this receipt was counted (answers counted or notFound, never the choices)
         * @description Requires the `congress.attend` or the `congress.sessions.read` permission at the organisation you act for.
         */
        post: operations["CheckReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/region-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per enterprise under your region, the congress sessions held in a year (this year unless asked otherwise) and the attendance of the latest
         * @description Requires the `congress.region.read` permission at the organisation you act for.
         */
        get: operations["GetRegionCongressFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/resolutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List resolutions and their execution, newest first
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ListResolutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/resolutions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resolution with its progress notes
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetResolution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set a resolution's owner, due date or status (needs If-Match)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        patch: operations["TrackResolution"];
        trace?: never;
    };
    "/api/v1/congress/resolutions/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record progress on a resolution's execution
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["AddResolutionNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List congress sessions, latest first
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ListSessions"];
        put?: never;
        /**
         * Plan a session (第N次会议) of a congress term
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CreateSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a congress session
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a session's agenda, in order
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetAgenda"];
        /**
         * Compose a planned session's agenda from online and offline steps (needs the session's If-Match; the session's version moves on)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        put: operations["SetAgenda"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/agenda/{stepId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an open agenda step
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CloseAgendaStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/agenda/{stepId}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a pending agenda step of an open session
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["OpenAgendaStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a closed session (needs If-Match)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["ArchiveSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live attendance and quorum (more than two thirds of the roster present)
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a representative's offline check-in and its channel
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["RecordCheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an open session once all its votes are closed (needs If-Match)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CloseSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session's documents, each with its count of read confirmations against the roster size
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ListDocuments"];
        put?: never;
        /**
         * Upload a document for a planned or open session: multipart/form-data with the fields file and title (curl -F file=@报告.pdf -F title=…)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["UploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/elections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an election of candidates to seats
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CreateElection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a democratic evaluation of managers; ratings are shown only in aggregate, above a minimum of respondents
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CreateEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/motions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a motion, single or itemised, with its pass rule
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["CreateMotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a planned session; its roster is fixed from the term's serving representatives (needs If-Match)
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["OpenSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/opinions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The group discussion summarised: per delegation group its size, opinions and counts per document; per document its opinions and groups
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetOpinionSummary"];
        put?: never;
        /**
         * Record a delegation group's opinion on the session or one of its documents
         * @description Requires the `congress.sessions.manage` permission at the organisation you act for.
         */
        post: operations["RecordGroupOpinion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/polls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a session's motions, elections and evaluations, in the order they were added
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ListPolls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/sessions/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a closed session's attendance and results for the archive: CSV, XLSX, or a printable page to sign (totals only, never a ballot)
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["ExportSessionResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/congress/turnout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Turnout by session for a period (this year unless from and to say otherwise): roster, present, online, quorum
         * @description Requires the `congress.sessions.read` permission at the organisation you act for.
         */
        get: operations["GetCongressTurnout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The working calendar of the organisation you act for: time zone, weekly rest days, holidays and make-up working days (Saturday and Sunday off, no special days, until changed)
         * @description Requires the `directory.organisations.read` permission at the organisation you act for.
         */
        get: operations["GetCalendar"];
        /**
         * Set the weekly rest days, holidays and make-up working days of the organisation you act for (needs If-Match; "0" before the first change)
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        put: operations["ChangeCalendar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the enterprise's imports you may follow (imports of workers need the right to read workers), newest first; filtered by phase and start
         * @description Requires the `directory.workers.read` or the `directory.workers.write` or the `directory.organisations.read` or the `directory.organisations.write` permission at the organisation you act for.
         */
        get: operations["ListImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow an import: its phase, rows read, valid and rejected, percentage and outcome
         * @description Requires the `directory.workers.read` or the `directory.workers.write` or the `directory.organisations.read` or the `directory.organisations.write` permission at the organisation you act for.
         */
        get: operations["GetImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/imports/{id}/rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an import's rejected rows, and the rows it warns about, as CSV, with the reasons for each
         * @description Requires the `directory.workers.read` or the `directory.workers.write` or the `directory.organisations.read` or the `directory.organisations.write` permission at the organisation you act for.
         */
        get: operations["GetRejectedRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/imports/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a CSV or XLSX file of units and teams to import; answers 202 with the job to follow
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        post: operations["ImportUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/imports/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a CSV or XLSX file of workers to import; answers 202 with the job to follow
         * @description Requires the `directory.workers.write` permission at the organisation you act for.
         */
        post: operations["ImportWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organisations you can see, top down, filtered and keyset-paged
         * @description Requires the `directory.organisations.read` permission at the organisation you act for.
         */
        get: operations["ListOrganisations"];
        put?: never;
        /**
         * Create a region, enterprise, unit or team under a parent
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        post: operations["CreateOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one organisation, with its ETag
         * @description Requires the `directory.organisations.read` permission at the organisation you act for.
         */
        get: operations["GetOrganisation"];
        /**
         * Rename an organisation or change its code or time zone (needs If-Match)
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        put: operations["UpdateOrganisation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/organisations/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate an organisation that has nothing active under it (needs If-Match)
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        post: operations["DeactivateOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/organisations/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an organisation and its subtree under another parent (needs If-Match)
         * @description Requires the `directory.organisations.write` permission at the organisation you act for.
         */
        post: operations["MoveOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/representatives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one representative appointment, with its ETag
         * @description Requires the `directory.representatives.read` permission at the organisation you act for.
         */
        get: operations["GetRepresentative"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/representatives/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a representative's appointment (needs If-Match)
         * @description Requires the `directory.representatives.write` permission at the organisation you act for.
         */
        post: operations["EndAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the enterprise's congress terms, newest first
         * @description Requires the `directory.representatives.read` permission at the organisation you act for.
         */
        get: operations["ListTerms"];
        put?: never;
        /**
         * Open a congress term (届) of the enterprise
         * @description Requires the `directory.representatives.write` permission at the organisation you act for.
         */
        post: operations["CreateTerm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/terms/{termId}/representatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a term's representatives by delegation group, keyset-paged
         * @description Requires the `directory.representatives.read` permission at the organisation you act for.
         */
        get: operations["ListRepresentatives"];
        put?: never;
        /**
         * Appoint a worker as representative for a term, in a delegation group
         * @description Requires the `directory.representatives.write` permission at the organisation you act for.
         */
        post: operations["AppointRepresentative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workers with masked sensitive fields, filtered and keyset-paged
         * @description Requires the `directory.workers.read` permission at the organisation you act for.
         */
        get: operations["ListWorkers"];
        put?: never;
        /**
         * Register a worker in the real-name register
         * @description Requires the `directory.workers.write` permission at the organisation you act for.
         */
        post: operations["RegisterWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a worker's full record, with its ETag
         * @description Requires the `directory.workers.read` permission at the organisation you act for.
         */
        get: operations["GetWorker"];
        /**
         * Replace a worker's fields (needs If-Match)
         * @description Requires the `directory.workers.write` permission at the organisation you act for.
         */
        put: operations["UpdateWorker"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/workers/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a worker left or retired; ends their representative appointments (needs If-Match)
         * @description Requires the `directory.workers.write` permission at the organisation you act for.
         */
        post: operations["DeactivateWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/workers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1,000 workers keyed by their HR-system id, each answered on its own (honours Idempotency-Key)
         * @description Requires the `directory.workers.write` permission at the organisation you act for.
         */
        post: operations["UpsertWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the change feed: the domain events of the organisation you act for, in commit order
         * @description Requires the `integration.events.read` permission at the organisation you act for.
         */
        get: operations["ListEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the event types the change feed and webhooks carry, each with its name in the caller's language
         * @description Requires the `integration.webhooks.manage` or the `integration.events.read` permission at the organisation you act for.
         */
        get: operations["ListEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the webhook subscriptions of the organisation you act for, newest first
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        get: operations["ListWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to the organisation's events; the signing secret is in this response and nowhere else
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        post: operations["CreateWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook subscription (never its secret), with its ETag
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        get: operations["GetWebhook"];
        /**
         * Change a webhook's URL, event types or status (active or paused) (needs If-Match)
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        put: operations["UpdateWebhook"];
        post?: never;
        /**
         * Delete a webhook subscription, its secret and its delivery log
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        delete: operations["DeleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now, whatever its outcome was, with a fresh set of attempts
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        post: operations["RedeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's deliveries, newest event first, with the outcome of each
         * @description Requires the `integration.webhooks.manage` permission at the organisation you act for.
         */
        get: operations["ListWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the region's award campaigns, newest first
         * @description Requires the `proposals.awards.manage` or the `proposals.awards.review` permission at the organisation you act for.
         */
        get: operations["ListAwardCampaigns"];
        put?: never;
        /**
         * Open an excellent-proposal award campaign with weighted criteria and named reviewers (a region)
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        post: operations["OpenAwardCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An award campaign with its criteria and reviewers
         * @description Requires the `proposals.awards.manage` or the `proposals.awards.review` permission at the organisation you act for.
         */
        get: operations["GetAwardCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End scoring: the ranking is final (needs If-Match)
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        post: operations["DecideAwardCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns/{id}/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's nominations
         * @description Requires the `proposals.awards.manage` or the `proposals.awards.review` permission at the organisation you act for.
         */
        get: operations["ListAwardNominations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns/{id}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The campaign's nominations ranked by weighted mean score, with the tie-breaks stated
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        get: operations["GetAwardRanking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-campaigns/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End nominations and start scoring (needs If-Match)
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        post: operations["StartAwardReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-nominations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A nomination: the proposal as nominated, its award and escalations
         * @description Requires the `proposals.awards.manage` or the `proposals.awards.review` permission at the organisation you act for.
         */
        get: operations["GetAwardNomination"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-nominations/{id}/award": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a nomination's award level and material reward (campaign decided; needs If-Match)
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        put: operations["RecordAward"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-nominations/{id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a nominated proposal was forwarded to the people's congress or the CPPCC
         * @description Requires the `proposals.awards.manage` permission at the organisation you act for.
         */
        post: operations["RecordEscalation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/award-nominations/{id}/my-scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Score a nomination on each criterion, as one of the campaign's reviewers
         * @description Requires the `proposals.awards.review` permission at the organisation you act for.
         */
        put: operations["ScoreAwardNomination"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calls for proposals, latest first
         * @description Requires the `proposals.read` or the `proposals.propose` permission at the organisation you act for.
         */
        get: operations["ListCalls"];
        put?: never;
        /**
         * Call for proposals (征集) on a theme for a period
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["CreateCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A call for proposals
         * @description Requires the `proposals.read` or the `proposals.propose` permission at the organisation you act for.
         */
        get: operations["GetCall"];
        /**
         * Rewrite a call for proposals (needs If-Match)
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        put: operations["EditCall"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/overdue-reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remind now of proposals past their deadline (also done hourly): once a day per proposal
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["SendOverdueReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the proposals you can see (staff: all submitted; representatives: their own and invitations; handlers: their department's), newest first or nearest deadline first
         * @description Requires the `proposals.read` or the `proposals.propose` or the `proposals.handle` permission at the organisation you act for.
         */
        get: operations["ListProposals"];
        put?: never;
        /**
         * Start a proposal as a draft (the signed-in representative proposes it)
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["DraftProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A proposal with its co-signers, departments, resolutions and timeline (to staff once submitted, its proposer and invitees, its handlers)
         * @description Requires the `proposals.read` or the `proposals.propose` or the `proposals.handle` permission at the organisation you act for.
         */
        get: operations["GetProposal"];
        /**
         * Rewrite a draft proposal (its proposer; needs If-Match)
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        put: operations["EditDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a proposal assigned to your department as its lead
         * @description Requires the `proposals.handle` permission at the organisation you act for.
         */
        post: operations["AnswerProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand an accepted proposal to a lead department and co-handling departments, with a deadline
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["AssignProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a file to your draft: multipart/form-data with the field file (curl -F file=@现场照片.jpg)
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["UploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a proposal whose answer has been rated
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["CloseProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/cosigners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite serving representatives to co-sign a draft (its proposer)
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["InviteCosigners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/cosigning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or decline co-signing a draft you are invited to
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["AnswerCosigningInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept (立案), convert to a suggestion, or decline with a reason, a proposal under review
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["DecideProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a duplicate (并案) into the proposal handled in its place
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["MergeProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nominate a closed proposal to an award campaign of the enterprise's region
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["NominateProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate the answer to your proposal; unsatisfied reopens handling while rounds are left
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["RateAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/resolutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a congress resolution came from this proposal
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["LinkResolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a submitted proposal up for review
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        post: operations["StartReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft (its proposer, with enough co-signers)
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        post: operations["SubmitProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/proposals/{proposalId}/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a proposal's attachment (whoever may see the proposal)
         * @description Requires the `proposals.read` or the `proposals.propose` or the `proposals.handle` permission at the organisation you act for.
         */
        get: operations["GetAttachmentContent"];
        put?: never;
        post?: never;
        /**
         * Remove a file from your draft
         * @description Requires the `proposals.propose` permission at the organisation you act for.
         */
        delete: operations["DeleteAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/region-award-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The region's award campaigns an enterprise may nominate to today, and those it nominated to, with its own nominations
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        get: operations["ListRegionAwardCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/region-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per enterprise under your region, the proposals submitted in a year (this year unless asked otherwise): in handling, overdue, closed, and the rate answered on time
         * @description Requires the `proposals.region.read` permission at the organisation you act for.
         */
        get: operations["GetRegionProposalFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The enterprise's proposal rules (defaults until changed: 2 co-signers, 30 days, 2 handling rounds)
         * @description Requires the `proposals.read` or the `proposals.propose` permission at the organisation you act for.
         */
        get: operations["GetProposalSettings"];
        /**
         * Change the enterprise's proposal rules (needs If-Match; "0" before the first change)
         * @description Requires the `proposals.manage` permission at the organisation you act for.
         */
        put: operations["ChangeProposalSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proposal figures for a period (this year to date unless from and to say otherwise): by category, status and department; acceptance, on-time answer and satisfaction rates
         * @description Requires the `proposals.read` permission at the organisation you act for.
         */
        get: operations["GetProposalStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ActorKind: "anonymous" | "user" | "apiClient" | "system";
        AddResolutionNote: {
            note?: string | null;
            /** Format: int32 */
            progress?: number | null;
        };
        AgendaStep: {
            channel: components["schemas"]["StepChannel"];
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["StepKind"];
            /** Format: int32 */
            position: number;
            /** Format: date-time */
            startsAt: string;
            status: components["schemas"]["StepStatus"];
            title: string;
        };
        AgendaStepInput: {
            channel?: components["schemas"]["StepChannel"];
            /** Format: date-time */
            endsAt?: string | null;
            kind?: components["schemas"]["StepKind"];
            /** Format: date-time */
            startsAt?: string | null;
            title?: string | null;
        };
        AnswerInvitation: {
            accept?: boolean | null;
        };
        AnswerProposal: {
            answer?: string | null;
        };
        ApiClient: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy?: string | null;
            /** Format: uuid */
            id: string;
            keyPrefix: string;
            /** Format: date-time */
            lastUsedAt?: string | null;
            name: string;
            /** Format: uuid */
            organisationId: string;
            /** Format: date-time */
            revokedAt?: string | null;
            /** Format: date-time */
            rotatedAt?: string | null;
            scopes: string[];
            status: components["schemas"]["ApiClientStatus"];
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
        };
        ApiClientPage: {
            items?: components["schemas"]["ApiClient"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        ApiClientStatus: "active" | "revoked";
        ApiProblem: {
            code?: string;
            detail?: string | null;
            errors?: {
                [key: string]: string[];
            } | null;
            instance?: string | null;
            requestId?: string;
            /** Format: int32 */
            status?: number;
            title?: string;
            type?: string | null;
        };
        AppointRepresentative: {
            /** Format: date */
            appointedOn?: string | null;
            delegationGroup?: string | null;
            isWorkerDirector?: boolean | null;
            isWorkerSupervisor?: boolean | null;
            /** Format: uuid */
            workerId?: string | null;
        };
        AssignProposal: {
            coHandlingUnitIds?: string[] | null;
            /** Format: uuid */
            leadUnitId?: string | null;
            note?: string | null;
        };
        Attachment: {
            contentType: string;
            fileName: string;
            /** Format: uuid */
            id: string;
            /** Format: int64 */
            size: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        Attendance: {
            /** Format: int32 */
            present: number;
            quorate: boolean;
            /** Format: int32 */
            quorumNeeded: number;
            representatives: components["schemas"]["AttendanceEntry"][];
            /** Format: int32 */
            rosterSize: number;
        };
        AttendanceEntry: {
            channel?: components["schemas"]["CheckInChannel"];
            /** Format: date-time */
            checkedInAt?: string | null;
            delegationGroup: string;
            employeeNumber: string;
            name: string;
            /** Format: uuid */
            representativeId: string;
        };
        AuditEntry: {
            action: string;
            /** Format: uuid */
            actorId?: string | null;
            actorName: string;
            actorType: string;
            changes: unknown;
            /** Format: uuid */
            entityId: string;
            entityName?: string | null;
            entityType: string;
            /** Format: int64 */
            id: number;
            module: string;
            /** Format: date-time */
            occurredAt: string;
            operation: string;
            requestId?: string | null;
        };
        AuditEntryPage: {
            items?: components["schemas"]["AuditEntry"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        BallotReceipt: {
            /** Format: uuid */
            pollId?: string;
            receipt?: string;
        };
        CalendarDay: {
            /** Format: date */
            date?: string;
            kind?: components["schemas"]["CalendarDayKind"];
            name?: string;
        };
        /** @enum {string} */
        CalendarDayKind: "holiday" | "workday";
        CalendarSettings: {
            days: components["schemas"]["CalendarDay"][];
            restDays: components["schemas"]["DayOfWeek"][];
            timeZone: string;
            /** Format: int32 */
            version: number;
        };
        Call: {
            /** Format: date */
            closesOn: string;
            /** Format: date-time */
            createdAt: string;
            description?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date */
            opensOn: string;
            /** Format: uuid */
            sessionId?: string | null;
            /** Format: int32 */
            submitted: number;
            theme: string;
            /** Format: int32 */
            version: number;
        };
        /** @enum {string} */
        CallerAction: "edit" | "inviteCosigners" | "acceptCosigning" | "declineCosigning" | "submit" | "startReview" | "accept" | "convertToSuggestion" | "decline" | "merge" | "assign" | "answer" | "rate" | "close" | "linkResolution";
        CallPage: {
            items?: components["schemas"]["Call"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        Campaign: {
            /** Format: date-time */
            createdAt: string;
            criteria?: components["schemas"]["Criterion"][];
            description?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: int32 */
            nominations: number;
            /** Format: date */
            nominationsCloseOn: string;
            reviewers?: components["schemas"]["Reviewer"][];
            status: components["schemas"]["CampaignStatus"];
            /** Format: int32 */
            version: number;
        };
        CampaignPage: {
            items?: components["schemas"]["Campaign"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        CampaignRanking: {
            /** Format: uuid */
            campaignId?: string;
            leadCriterion?: string;
            rows?: components["schemas"]["RankingRow"][];
            status?: components["schemas"]["CampaignStatus"];
            readonly tieBreakCodes?: string[];
            tieBreaks?: string[];
        };
        /** @enum {string} */
        CampaignStatus: "nominating" | "reviewing" | "decided";
        CastBallot: {
            choices?: components["schemas"]["ItemChoice"][] | null;
        };
        ChangeCalendar: {
            days?: components["schemas"]["SpecialDay"][] | null;
            restDays?: components["schemas"]["DayOfWeek"][] | null;
        };
        ChangeOwnPassword: {
            currentPassword?: string | null;
            newPassword?: string | null;
        };
        ChangeProposalSettings: {
            /** Format: int32 */
            handlingDays?: number | null;
            /** Format: int32 */
            maxHandlingRounds?: number | null;
            /** Format: int32 */
            minCosigners?: number | null;
        };
        /** @enum {string} */
        CheckInChannel: "online" | "onSite" | "paperSheet" | "proxyStaff";
        CheckInRecord: {
            channel: components["schemas"]["CheckInChannel"];
            /** Format: date-time */
            checkedInAt: string;
            /** Format: uuid */
            representativeId: string;
        };
        CheckReceipt: {
            /** Format: uuid */
            pollId?: string | null;
            receipt?: string | null;
        };
        /** @enum {string} */
        Choice: "for" | "against" | "abstain" | "selected" | "excellent" | "competent" | "basicallyCompetent" | "incompetent";
        CloseProposal: {
            note?: string | null;
        };
        CongressTerm: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            endsOn: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: int32 */
            number: number;
            /** Format: date */
            startsOn: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
        };
        CongressTermPage: {
            items?: components["schemas"]["CongressTerm"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        CongressTurnout: {
            /** Format: date */
            from?: string;
            sessions?: components["schemas"]["SessionTurnout"][];
            /** Format: date */
            to?: string;
        };
        Cosigner: {
            /** Format: date-time */
            invitedAt: string;
            name: string;
            /** Format: date-time */
            respondedAt?: string | null;
            status: components["schemas"]["CosignerStatus"];
            /** Format: uuid */
            workerId: string;
        };
        /** @enum {string} */
        CosignerStatus: "invited" | "accepted" | "declined";
        CreateApiClient: {
            name?: string | null;
            scopes?: string[] | null;
        };
        CreateCall: {
            /** Format: date */
            closesOn?: string | null;
            description?: string | null;
            /** Format: date */
            opensOn?: string | null;
            /** Format: uuid */
            sessionId?: string | null;
            theme?: string | null;
        };
        CreateElection: {
            candidates?: components["schemas"]["ItemInput"][] | null;
            description?: string | null;
            /** Format: int32 */
            seats?: number | null;
            title?: string | null;
        };
        CreateEvaluation: {
            description?: string | null;
            managers?: components["schemas"]["ItemInput"][] | null;
            /** Format: int32 */
            minRespondents?: number | null;
            title?: string | null;
        };
        CreateMotion: {
            description?: string | null;
            items?: components["schemas"]["ItemInput"][] | null;
            passRule?: components["schemas"]["PassRule"];
            title?: string | null;
        };
        CreateOrganisation: {
            code?: string | null;
            kind?: components["schemas"]["OrganisationKind"];
            name?: string | null;
            /** Format: uuid */
            parentId?: string | null;
            timeZone?: string | null;
        };
        CreateSession: {
            /** Format: date */
            heldOn?: string | null;
            kind?: components["schemas"]["SessionKind"];
            mode?: components["schemas"]["SessionMode"];
            name?: string | null;
            /** Format: int32 */
            number?: number | null;
            /** Format: uuid */
            termId?: string | null;
            venue?: string | null;
        };
        CreateTerm: {
            /** Format: date */
            endsOn?: string | null;
            name?: string | null;
            /** Format: int32 */
            number?: number | null;
            /** Format: date */
            startsOn?: string | null;
        };
        CreateUser: {
            displayName?: string | null;
            loginName?: string | null;
            /** Format: uuid */
            organisationId?: string | null;
            password?: string | null;
            role?: components["schemas"]["Role"];
            /** Format: uuid */
            workerId?: string | null;
        };
        CreateWebhook: {
            eventTypes?: string[] | null;
            status?: components["schemas"]["WebhookStatus"];
            url?: string | null;
        };
        Criterion: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: int32 */
            position: number;
            /** Format: int32 */
            weight: number;
        };
        CriterionInput: {
            name?: string | null;
            /** Format: int32 */
            weight?: number | null;
        };
        CriterionScore: {
            /** Format: uuid */
            criterionId?: string | null;
            /** Format: double */
            score?: number | null;
        };
        /** @enum {string} */
        DayOfWeek: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
        DeactivateWorker: {
            /** Format: date */
            leftOn?: string | null;
            status?: components["schemas"]["WorkerStatus"];
        };
        DecideProposal: {
            decision?: components["schemas"]["Decision"];
            reason?: string | null;
        };
        /** @enum {string} */
        Decision: "accept" | "convertToSuggestion" | "decline";
        /** @enum {string} */
        DeliveryStatus: "pending" | "succeeded" | "failed" | "dead";
        DepartmentCount: {
            /** Format: int32 */
            answeredOnTime?: number;
            /** Format: int32 */
            assigned?: number;
            name?: string;
            /** Format: int32 */
            overdue?: number;
            /** Format: uuid */
            unitId?: string;
        };
        Document: {
            contentType: string;
            fileName: string;
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            readCount: number;
            /** Format: int32 */
            rosterSize?: number | null;
            /** Format: uuid */
            sessionId: string;
            sha256: string;
            /** Format: int64 */
            size: number;
            title: string;
            /** Format: date-time */
            uploadedAt: string;
            uploadedBy: string;
        };
        DocumentOpinions: {
            /** Format: uuid */
            documentId?: string;
            /** Format: int32 */
            groups?: number;
            /** Format: int32 */
            opinions?: number;
            title?: string;
        };
        DocumentRead: {
            /** Format: date-time */
            confirmedAt: string;
            /** Format: uuid */
            documentId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            representativeId: string;
        };
        DocumentReader: {
            /** Format: date-time */
            confirmedAt?: string | null;
            delegationGroup: string;
            employeeNumber: string;
            name: string;
            /** Format: uuid */
            representativeId: string;
        };
        DocumentReads: {
            /** Format: int32 */
            confirmed?: number;
            /** Format: uuid */
            documentId?: string;
            representatives?: components["schemas"]["DocumentReader"][];
            /** Format: int32 */
            rosterSize?: number;
        };
        DraftProposal: {
            /** Format: uuid */
            callId?: string | null;
            category?: components["schemas"]["ProposalCategory"];
            reasons?: string | null;
            suggestions?: string | null;
            title?: string | null;
        };
        EditCall: {
            /** Format: date */
            closesOn?: string | null;
            description?: string | null;
            /** Format: date */
            opensOn?: string | null;
            /** Format: uuid */
            sessionId?: string | null;
            theme?: string | null;
        };
        EditDraft: {
            /** Format: uuid */
            callId?: string | null;
            category?: components["schemas"]["ProposalCategory"];
            reasons?: string | null;
            suggestions?: string | null;
            title?: string | null;
        };
        EndAppointment: {
            /** Format: date */
            endedOn?: string | null;
            reason?: string | null;
        };
        EnterpriseCongressFigures: {
            /** Format: uuid */
            enterpriseId?: string;
            enterpriseName?: string;
            latestSession?: components["schemas"]["SessionAttendance"];
            /** Format: int32 */
            sessionsHeld?: number;
        };
        EnterpriseProposalFigures: {
            /** Format: int32 */
            closed?: number;
            /** Format: uuid */
            enterpriseId?: string;
            enterpriseName?: string;
            /** Format: int32 */
            inHandling?: number;
            /** Format: double */
            onTimeAnswerRate?: number | null;
            /** Format: int32 */
            overdue?: number;
            /** Format: int32 */
            submitted?: number;
        };
        Escalation: {
            /** Format: date */
            forwardedOn: string;
            /** Format: uuid */
            id: string;
            note?: string | null;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: string;
            reference: string;
            targetBody: components["schemas"]["TargetBody"];
        };
        EventPage: {
            hasMore?: boolean;
            items?: components["schemas"]["FeedEvent"][];
            nextCursor?: string;
        };
        EventTypeList: {
            items: components["schemas"]["EventTypeSummary"][];
        };
        EventTypeSummary: {
            entityType: string;
            name: string;
            title: string;
        };
        FeedEvent: {
            data?: unknown;
            /** Format: uuid */
            entityId?: string;
            entityType?: string;
            /** Format: uuid */
            id?: string;
            /** Format: date-time */
            occurredAt?: string;
            type?: string;
        };
        /** @enum {string} */
        Gender: "male" | "female";
        GrantRole: {
            /** Format: uuid */
            organisationId?: string | null;
            role?: components["schemas"]["Role"];
        };
        GroupOpinion: {
            delegationGroup: string;
            /** Format: uuid */
            documentId?: string | null;
            documentTitle?: string | null;
            /** Format: uuid */
            id: string;
            opinion: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: string;
            /** Format: uuid */
            sessionId: string;
        };
        GroupSummary: {
            delegationGroup?: string;
            documents?: components["schemas"]["OpinionCount"][];
            /** Format: int32 */
            opinionCount?: number;
            opinions?: components["schemas"]["GroupOpinion"][];
            /** Format: int32 */
            representatives?: number;
        };
        HandlingUnit: {
            isLead: boolean;
            name: string;
            /** Format: uuid */
            unitId: string;
        };
        ImportJob: {
            /** Format: int64 */
            bytesRead: number;
            /** Format: int64 */
            bytesTotal?: number | null;
            /** Format: int32 */
            created: number;
            /** Format: date-time */
            createdAt: string;
            dryRun: boolean;
            encoding?: string | null;
            error?: string | null;
            fileFormat?: string | null;
            fileName?: string | null;
            readonly finished?: boolean;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: uuid */
            id: string;
            ignoredColumns?: string[];
            kind: components["schemas"]["ImportKind"];
            mode: components["schemas"]["ImportMode"];
            outcome?: components["schemas"]["ImportOutcome"];
            /** Format: int32 */
            readonly percent?: number;
            phase: components["schemas"]["ImportPhase"];
            readonly rejectedRowsUrl?: string | null;
            /** Format: int32 */
            rowsRead: number;
            /** Format: int32 */
            rowsRejected: number;
            /** Format: int32 */
            rowsValid: number;
            /** Format: int32 */
            rowsWarned: number;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: int32 */
            unchanged: number;
            /** Format: int32 */
            updated: number;
        };
        ImportJobPage: {
            items?: components["schemas"]["ImportJob"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        ImportKind: "workers" | "units";
        /** @enum {string} */
        ImportMode: "allOrNothing" | "skipInvalid";
        /** @enum {string} */
        ImportOutcome: "merged" | "dryRun" | "notMerged";
        /** @enum {string} */
        ImportPhase: "reading" | "queued" | "validating" | "merging" | "completed" | "failed";
        InviteCosigners: {
            workerIds?: string[] | null;
        };
        IssuedApiClient: {
            client?: components["schemas"]["ApiClient"];
            key?: string;
            /** Format: int32 */
            readonly version?: number;
        };
        IssuedPassword: {
            password?: string;
            user?: components["schemas"]["User"];
            /** Format: int32 */
            readonly version?: number;
        };
        IssuedWebhook: {
            secret?: string;
            /** Format: int32 */
            readonly version?: number;
            webhook?: components["schemas"]["Webhook"];
        };
        ItemChoice: {
            choice?: components["schemas"]["Choice"];
            /** Format: int32 */
            item?: number | null;
        };
        ItemInput: {
            detail?: string | null;
            title?: string | null;
        };
        ItemResult: {
            /** Format: int32 */
            abstain?: number | null;
            /** Format: int32 */
            against?: number | null;
            /** Format: int32 */
            basicallyCompetent?: number | null;
            /** Format: int32 */
            competent?: number | null;
            elected?: boolean | null;
            /** Format: int32 */
            excellent?: number | null;
            /** Format: int32 */
            for?: number | null;
            /** Format: int32 */
            incompetent?: number | null;
            /** Format: int32 */
            number: number;
            passed?: boolean | null;
            /** Format: int32 */
            respondents?: number | null;
            suppressed?: boolean | null;
            tied?: boolean | null;
            title: string;
            /** Format: int32 */
            votes?: number | null;
        };
        LinkedResolution: {
            /** Format: date-time */
            adoptedAt: string;
            /** Format: uuid */
            resolutionId: string;
            title: string;
        };
        LinkedWorker: {
            employeeNumber?: string;
            /** Format: uuid */
            id?: string;
            name?: string;
            unitName?: string;
        };
        LinkResolution: {
            /** Format: uuid */
            resolutionId?: string | null;
        };
        Login: {
            loginName?: string | null;
            password?: string | null;
        };
        LoginResponse: {
            antiforgeryToken?: string;
            displayName?: string;
            /** Format: uuid */
            id?: string;
            loginName?: string;
            mustChangePassword?: boolean;
        };
        MarkPaperVoters: {
            representativeIds?: string[] | null;
        };
        Me: {
            actingFor?: components["schemas"]["OrganisationRef"];
            antiforgeryToken?: string | null;
            grants?: components["schemas"]["MyGrant"][];
            /** Format: uuid */
            id?: string;
            kind?: components["schemas"]["ActorKind"];
            loginName?: string | null;
            mustChangePassword?: boolean;
            name?: string;
            permissions?: string[];
            /** Format: uuid */
            workerId?: string | null;
        };
        MergeProposal: {
            /** Format: uuid */
            intoId?: string | null;
            note?: string | null;
        };
        MoveOrganisation: {
            /** Format: uuid */
            parentId?: string | null;
        };
        MyDocument: {
            document: components["schemas"]["Document"];
            /** Format: date-time */
            readConfirmedAt?: string | null;
        };
        MyGrant: {
            /** Format: uuid */
            id?: string;
            organisation?: components["schemas"]["OrganisationRef"];
            role?: components["schemas"]["Role"];
        };
        MyPoll: {
            poll: components["schemas"]["Poll"];
            voted: boolean;
        };
        MySession: {
            agenda: components["schemas"]["AgendaStep"][];
            checkedIn: boolean;
            onlineCheckInOpen: boolean;
            polls: components["schemas"]["MyPoll"][];
            /** Format: int32 */
            present: number;
            quorate: boolean;
            session: components["schemas"]["Session"];
        };
        MySessionSummary: {
            checkedIn: boolean;
            /** Format: date */
            heldOn: string;
            /** Format: uuid */
            id: string;
            mode: components["schemas"]["SessionMode"];
            name: string;
            status: components["schemas"]["SessionStatus"];
            venue?: string | null;
        };
        NominateProposal: {
            /** Format: uuid */
            campaignId?: string | null;
            statement?: string | null;
        };
        Nomination: {
            answer?: string | null;
            /** Format: date-time */
            awardedAt?: string | null;
            awardLevel?: string | null;
            awardReward?: string | null;
            /** Format: uuid */
            campaignId: string;
            category: string;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            escalations?: components["schemas"]["Escalation"][];
            /** Format: uuid */
            id: string;
            leadUnitName?: string | null;
            /** Format: date-time */
            nominatedAt: string;
            nominatedBy: string;
            number: string;
            /** Format: uuid */
            proposalId: string;
            proposerName: string;
            rating?: string | null;
            reasons: string;
            statement?: string | null;
            suggestions: string;
            title: string;
            /** Format: int32 */
            version: number;
        };
        NominationScores: {
            /** Format: uuid */
            nominationId?: string;
            /** Format: uuid */
            reviewerId?: string;
            scores?: components["schemas"]["CriterionScore"][];
            /** Format: double */
            weightedScore?: number;
        };
        NominationSummary: {
            awardLevel?: string | null;
            category: string;
            conflicted: boolean;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            nominatedAt: string;
            number: string;
            proposerName: string;
            scoredByMe: boolean;
            title: string;
        };
        OpenCampaign: {
            criteria?: components["schemas"]["CriterionInput"][] | null;
            description?: string | null;
            name?: string | null;
            /** Format: date */
            nominationsCloseOn?: string | null;
            reviewers?: components["schemas"]["ReviewerInput"][] | null;
        };
        OpinionCount: {
            /** Format: uuid */
            documentId?: string | null;
            documentTitle?: string | null;
            /** Format: int32 */
            opinions?: number;
        };
        OpinionSummary: {
            documents?: components["schemas"]["DocumentOpinions"][];
            groups?: components["schemas"]["GroupSummary"][];
            /** Format: int32 */
            opinions?: number;
            /** Format: uuid */
            sessionId?: string;
        };
        Organisation: {
            code?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: int32 */
            readonly depth?: number;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["OrganisationKind"];
            name: string;
            /** Format: uuid */
            parentId?: string | null;
            path: string[];
            status: components["schemas"]["OrganisationStatus"];
            timeZone?: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
        };
        /** @enum {string} */
        OrganisationKind: "platform" | "region" | "enterprise" | "unit" | "team";
        OrganisationPage: {
            items?: components["schemas"]["Organisation"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        OrganisationRef: {
            /** Format: uuid */
            id?: string;
            kind?: string;
            name?: string;
            timeZone?: string;
        };
        /** @enum {string} */
        OrganisationStatus: "active" | "inactive";
        OverdueReminders: {
            /** Format: int32 */
            reminded?: number;
        };
        OwnNomination: {
            awardLevel?: string | null;
            awardReward?: string | null;
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            nominatedAt: string;
            number: string;
            /** Format: uuid */
            proposalId: string;
            title: string;
        };
        PaperCount: {
            choice?: components["schemas"]["Choice"];
            /** Format: int32 */
            count?: number | null;
            /** Format: int32 */
            item?: number | null;
        };
        PaperCounts: {
            counts?: components["schemas"]["PaperCount"][];
            /** Format: int32 */
            paperBallots?: number;
            /** Format: uuid */
            pollId?: string;
        };
        PaperVoters: {
            /** Format: int32 */
            marked?: number;
            /** Format: int32 */
            paperVotersInAll?: number;
            /** Format: uuid */
            pollId?: string;
        };
        /** @enum {string} */
        PassRule: "majorityOfAll" | "twoThirdsOfAll";
        Poll: {
            /** Format: date-time */
            closedAt?: string | null;
            description?: string | null;
            /** Format: uuid */
            id: string;
            itemised: boolean;
            items?: components["schemas"]["PollItem"][];
            kind: components["schemas"]["PollKind"];
            /** Format: int32 */
            minRespondents?: number | null;
            /** Format: date-time */
            openedAt?: string | null;
            passRule?: components["schemas"]["PassRule"];
            results?: components["schemas"]["PollResults"];
            /** Format: int32 */
            rosterSize?: number | null;
            /** Format: int32 */
            seats?: number | null;
            /** Format: uuid */
            sessionId: string;
            status: components["schemas"]["PollStatus"];
            title: string;
            /** Format: int32 */
            version: number;
            /** Format: int32 */
            votesCast: number;
        };
        PollItem: {
            detail?: string | null;
            /** Format: int32 */
            number: number;
            title: string;
        };
        /** @enum {string} */
        PollKind: "motion" | "election" | "evaluation";
        PollResults: {
            /** Format: int32 */
            ballotsCast: number;
            items: components["schemas"]["ItemResult"][];
            /** Format: int32 */
            onlineBallots: number;
            /** Format: int32 */
            paperBallots: number;
            /** Format: int32 */
            rosterSize: number;
            rule: string;
            /** Format: double */
            turnout: number;
            /** Format: int32 */
            undecidedSeats?: number | null;
        };
        /** @enum {string} */
        PollStatus: "draft" | "open" | "closed";
        Proposal: {
            actions?: components["schemas"]["CallerAction"][] | null;
            answer?: string | null;
            /** Format: date-time */
            answeredAt?: string | null;
            /** Format: date-time */
            assignedAt?: string | null;
            attachments?: components["schemas"]["Attachment"][] | null;
            /** Format: uuid */
            callId?: string | null;
            category: components["schemas"]["ProposalCategory"];
            /** Format: date-time */
            closedAt?: string | null;
            cosigners?: components["schemas"]["Cosigner"][] | null;
            /** Format: date-time */
            createdAt: string;
            decisionNote?: string | null;
            /** Format: date-time */
            dueAt?: string | null;
            /** Format: date */
            dueOn?: string | null;
            handlers?: components["schemas"]["HandlingUnit"][] | null;
            /** Format: int32 */
            handlingRound: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            leadUnitId?: string | null;
            leadUnitName?: string | null;
            /** Format: uuid */
            mergedInto?: string | null;
            number?: string | null;
            overdue: boolean;
            proposerName: string;
            /** Format: uuid */
            proposerWorkerId: string;
            /** Format: date-time */
            ratedAt?: string | null;
            rating?: components["schemas"]["Rating"];
            ratingComment?: string | null;
            reasons: string;
            resolutions?: components["schemas"]["LinkedResolution"][] | null;
            status: components["schemas"]["ProposalStatus"];
            /** Format: date-time */
            submittedAt?: string | null;
            suggestions: string;
            timeline?: components["schemas"]["TimelineEntry"][] | null;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
        };
        /** @enum {string} */
        ProposalCategory: "production" | "management" | "wagesAndBenefits" | "safetyAndHealth" | "trainingAndCareers" | "welfare" | "other";
        /** @enum {string} */
        ProposalOrder: "newest" | "dueFirst";
        ProposalPage: {
            items?: components["schemas"]["Proposal"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        ProposalSettings: {
            /** Format: int32 */
            handlingDays: number;
            /** Format: int32 */
            maxHandlingRounds: number;
            /** Format: int32 */
            minCosigners: number;
            /** Format: int32 */
            version: number;
        };
        ProposalStatistics: {
            /** Format: double */
            acceptanceRate?: number | null;
            byCategory?: {
                [key: string]: number;
            };
            byDepartment?: components["schemas"]["DepartmentCount"][];
            byStatus?: {
                [key: string]: number;
            };
            /** Format: date */
            from?: string;
            /** Format: double */
            onTimeAnswerRate?: number | null;
            /** Format: double */
            satisfactionRate?: number | null;
            /** Format: int32 */
            submitted?: number;
            /** Format: date */
            to?: string;
        };
        /** @enum {string} */
        ProposalStatus: "draft" | "submitted" | "underReview" | "accepted" | "convertedToSuggestion" | "notAccepted" | "assigned" | "answered" | "rated" | "closed" | "merged";
        RankingRow: {
            awardLevel?: string | null;
            awardReward?: string | null;
            enterpriseName?: string;
            /** Format: double */
            leadCriterionScore?: number | null;
            /** Format: uuid */
            nominationId?: string;
            number?: string;
            /** Format: int32 */
            rank?: number | null;
            /** Format: int32 */
            reviewers?: number;
            /** Format: double */
            score?: number | null;
            title?: string;
        };
        RateAnswer: {
            comment?: string | null;
            rating?: components["schemas"]["Rating"];
        };
        /** @enum {string} */
        Rating: "satisfied" | "basicallySatisfied" | "unsatisfied";
        ReceiptCheck: {
            /** Format: uuid */
            pollId?: string;
            status?: components["schemas"]["ReceiptStatus"];
        };
        /** @enum {string} */
        ReceiptStatus: "counted" | "notFound";
        RecordAward: {
            level?: string | null;
            reward?: string | null;
        };
        RecordCheckIn: {
            channel?: components["schemas"]["CheckInChannel"];
            /** Format: uuid */
            representativeId?: string | null;
        };
        RecordEscalation: {
            /** Format: date */
            forwardedOn?: string | null;
            note?: string | null;
            reference?: string | null;
            targetBody?: components["schemas"]["TargetBody"];
        };
        RecordGroupOpinion: {
            delegationGroup?: string | null;
            /** Format: uuid */
            documentId?: string | null;
            opinion?: string | null;
        };
        RecordPaperCounts: {
            counts?: components["schemas"]["PaperCount"][] | null;
        };
        RegionCampaign: {
            description?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            nominations?: components["schemas"]["OwnNomination"][];
            /** Format: date */
            nominationsCloseOn: string;
            /** Format: uuid */
            regionId: string;
            regionName?: string;
            status: components["schemas"]["CampaignStatus"];
            takesNominations: boolean;
        };
        RegionCongressFigures: {
            enterprises?: components["schemas"]["EnterpriseCongressFigures"][];
            /** Format: int32 */
            year?: number;
        };
        RegionProposalFigures: {
            enterprises?: components["schemas"]["EnterpriseProposalFigures"][];
            /** Format: int32 */
            year?: number;
        };
        RegisterWorker: {
            employeeNumber?: string | null;
            externalId?: string | null;
            /** Format: date */
            hiredOn?: string | null;
            name?: string | null;
            partyMember?: boolean | null;
            phone?: string | null;
            post?: string | null;
            residentId?: string | null;
            skillGrade?: components["schemas"]["SkillGrade"];
            status?: components["schemas"]["WorkerStatus"];
            /** Format: date */
            unionJoinedOn?: string | null;
            unionMember?: boolean | null;
            /** Format: uuid */
            unitId?: string | null;
        };
        Representative: {
            readonly active?: boolean;
            /** Format: date */
            appointedOn: string;
            delegationGroup: string;
            employeeNumber: string;
            /** Format: date */
            endedOn?: string | null;
            endReason?: string | null;
            /** Format: uuid */
            id: string;
            isWorkerDirector: boolean;
            isWorkerSupervisor: boolean;
            /** Format: uuid */
            termId: string;
            unitName: string;
            /** Format: int32 */
            version: number;
            /** Format: uuid */
            workerId: string;
            workerName: string;
        };
        RepresentativePage: {
            items?: components["schemas"]["Representative"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        Resolution: {
            /** Format: date-time */
            adoptedAt: string;
            /** Format: date */
            dueOn?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            item: number;
            /** Format: uuid */
            motionId: string;
            notes?: components["schemas"]["ResolutionNote"][];
            owner?: string | null;
            /** Format: int32 */
            progress?: number | null;
            /** Format: uuid */
            sessionId: string;
            status: components["schemas"]["ResolutionStatus"];
            title: string;
            /** Format: int32 */
            version: number;
        };
        ResolutionNote: {
            author: string;
            /** Format: uuid */
            id: string;
            note: string;
            /** Format: int32 */
            progress?: number | null;
            /** Format: date-time */
            writtenAt: string;
        };
        ResolutionPage: {
            items?: components["schemas"]["Resolution"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        ResolutionStatus: "notStarted" | "inProgress" | "completed" | "suspended";
        Reviewer: {
            /** Format: uuid */
            enterpriseId?: string | null;
            enterpriseName?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            userId: string;
        };
        ReviewerInput: {
            /** Format: uuid */
            enterpriseId?: string | null;
            /** Format: uuid */
            userId?: string | null;
        };
        /** @enum {string} */
        Role: "platformAdmin" | "regionAdmin" | "enterpriseAdmin" | "handler" | "representative" | "worker";
        ScoreNomination: {
            scores?: components["schemas"]["CriterionScore"][] | null;
        };
        Session: {
            /** Format: date-time */
            closedAt?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            heldOn: string;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["SessionKind"];
            mode: components["schemas"]["SessionMode"];
            name: string;
            /** Format: int32 */
            number: number;
            /** Format: date-time */
            openedAt?: string | null;
            /** Format: int32 */
            rosterSize?: number | null;
            status: components["schemas"]["SessionStatus"];
            /** Format: uuid */
            termId: string;
            termName: string;
            /** Format: date-time */
            updatedAt: string;
            venue?: string | null;
            /** Format: int32 */
            version: number;
        };
        SessionAttendance: {
            /** Format: date */
            heldOn?: string;
            name?: string;
            /** Format: int32 */
            present?: number;
            quorate?: boolean;
            /** Format: double */
            rate?: number | null;
            /** Format: int32 */
            rosterSize?: number;
        };
        /** @enum {string} */
        SessionKind: "regular" | "specialTopic";
        /** @enum {string} */
        SessionMode: "online" | "offline" | "hybrid";
        SessionPage: {
            items?: components["schemas"]["Session"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        SessionResultsFormat: "csv" | "xlsx" | "html";
        /** @enum {string} */
        SessionStatus: "planned" | "open" | "closed" | "archived";
        SessionTurnout: {
            /** Format: date */
            heldOn: string;
            mode: components["schemas"]["SessionMode"];
            name: string;
            /** Format: int32 */
            online: number;
            /** Format: int32 */
            present: number;
            quorate?: boolean;
            /** Format: int32 */
            quorumNeeded?: number;
            /** Format: double */
            rate?: number | null;
            /** Format: int32 */
            rosterSize: number;
            /** Format: uuid */
            sessionId: string;
            status: components["schemas"]["SessionStatus"];
        };
        SetAgenda: {
            steps?: components["schemas"]["AgendaStepInput"][] | null;
        };
        /** @enum {string} */
        SkillGrade: "elementary" | "intermediate" | "advanced" | "technician" | "seniorTechnician" | "principalTechnician" | "chiefTechnician";
        SpecialDay: {
            /** Format: date */
            date?: string | null;
            kind?: components["schemas"]["CalendarDayKind"];
            name?: string | null;
        };
        StartReview: {
            note?: string | null;
        };
        /** @enum {string} */
        StepChannel: "online" | "offline";
        /** @enum {string} */
        StepKind: "checkIn" | "documentReview" | "groupDiscussion" | "motionVote" | "evaluation" | "election";
        /** @enum {string} */
        StepStatus: "pending" | "open" | "closed";
        /** @enum {string} */
        TargetBody: "peoplesCongress" | "cppcc";
        TimelineEntry: {
            action: string;
            actorName: string;
            fromStatus?: components["schemas"]["ProposalStatus"];
            note?: string | null;
            /** Format: date-time */
            occurredAt: string;
            rating?: components["schemas"]["Rating"];
            toStatus: components["schemas"]["ProposalStatus"];
        };
        TrackResolution: {
            /** Format: date */
            dueOn?: string | null;
            owner?: string | null;
            status?: components["schemas"]["ResolutionStatus"];
        };
        UpdateOrganisation: {
            code?: string | null;
            name?: string | null;
            timeZone?: string | null;
        };
        UpdateUser: {
            displayName?: string | null;
            status?: components["schemas"]["UserStatus"];
            /** Format: uuid */
            workerId?: string | null;
        };
        UpdateWebhook: {
            eventTypes?: string[] | null;
            status?: components["schemas"]["WebhookStatus"];
            url?: string | null;
        };
        UpdateWorker: {
            employeeNumber?: string | null;
            externalId?: string | null;
            /** Format: date */
            hiredOn?: string | null;
            name?: string | null;
            partyMember?: boolean | null;
            phone?: string | null;
            post?: string | null;
            residentId?: string | null;
            skillGrade?: components["schemas"]["SkillGrade"];
            status?: components["schemas"]["WorkerStatus"];
            /** Format: date */
            unionJoinedOn?: string | null;
            unionMember?: boolean | null;
            /** Format: uuid */
            unitId?: string | null;
        };
        UploadAttachmentForm: {
            /** Format: binary */
            file?: string;
        };
        UploadDocumentForm: {
            /** Format: binary */
            file?: string;
            title?: string;
        };
        UpsertItem: {
            employeeNumber?: string | null;
            externalId?: string | null;
            /** Format: date */
            hiredOn?: string | null;
            name?: string | null;
            partyMember?: boolean | null;
            phone?: string | null;
            post?: string | null;
            residentId?: string | null;
            skillGrade?: components["schemas"]["SkillGrade"];
            status?: components["schemas"]["WorkerStatus"];
            /** Format: date */
            unionJoinedOn?: string | null;
            unionMember?: boolean | null;
            /** Format: uuid */
            unitId?: string | null;
        };
        UpsertItemResult: {
            errors?: {
                [key: string]: string[];
            } | null;
            externalId?: string | null;
            /** Format: int32 */
            index?: number;
            outcome?: components["schemas"]["UpsertOutcome"];
            /** Format: uuid */
            workerId?: string | null;
        };
        /** @enum {string} */
        UpsertOutcome: "created" | "updated" | "unchanged" | "rejected";
        UpsertResult: {
            /** Format: int32 */
            created?: number;
            items?: components["schemas"]["UpsertItemResult"][];
            /** Format: int32 */
            rejected?: number;
            /** Format: int32 */
            unchanged?: number;
            /** Format: int32 */
            updated?: number;
        };
        UpsertWorkers: {
            workers?: components["schemas"]["UpsertItem"][] | null;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            grants?: components["schemas"]["UserGrant"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastLoginAt?: string | null;
            /** Format: date-time */
            lockedUntil?: string | null;
            loginName: string;
            mustChangePassword: boolean;
            status: components["schemas"]["UserStatus"];
            /** Format: uuid */
            tenantId: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
            worker?: components["schemas"]["LinkedWorker"];
            /** Format: uuid */
            workerId?: string | null;
        };
        UserGrant: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            role: components["schemas"]["Role"];
        };
        UserPage: {
            items?: components["schemas"]["User"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        UserStatus: "active" | "disabled";
        Webhook: {
            /** Format: date-time */
            createdAt: string;
            eventTypes: string[];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            status: components["schemas"]["WebhookStatus"];
            /** Format: date-time */
            updatedAt: string;
            url: string;
            /** Format: int32 */
            version: number;
        };
        WebhookDelivery: {
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt?: string | null;
            /** Format: uuid */
            entityId: string;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastAttemptAt?: string | null;
            lastError?: string | null;
            /** Format: int32 */
            lastStatusCode?: number | null;
            /** Format: date-time */
            nextAttemptAt?: string | null;
            status: components["schemas"]["DeliveryStatus"];
            /** Format: uuid */
            webhookId: string;
        };
        WebhookDeliveryPage: {
            items?: components["schemas"]["WebhookDelivery"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        WebhookPage: {
            items?: components["schemas"]["Webhook"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        WebhookStatus: "active" | "paused";
        Worker: {
            /** Format: date */
            birthDate: string;
            /** Format: date-time */
            createdAt: string;
            employeeNumber: string;
            externalId?: string | null;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            hiredOn?: string | null;
            /** Format: uuid */
            id: string;
            readonly isEmployed?: boolean;
            /** Format: date */
            leftOn?: string | null;
            name: string;
            partyMember: boolean;
            phone?: string | null;
            post?: string | null;
            residentId?: string;
            skillGrade?: components["schemas"]["SkillGrade"];
            status: components["schemas"]["WorkerStatus"];
            /** Format: date */
            unionJoinedOn?: string | null;
            unionMember: boolean;
            /** Format: uuid */
            unitId: string;
            unitName: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: int32 */
            version: number;
        };
        WorkerListItem: {
            employeeNumber: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            hiredOn?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            phoneMasked?: string | null;
            post?: string | null;
            residentIdMasked: string;
            skillGrade?: components["schemas"]["SkillGrade"];
            status: components["schemas"]["WorkerStatus"];
            unionMember: boolean;
            /** Format: uuid */
            unitId: string;
            unitName: string;
            /** Format: int32 */
            version: number;
        };
        WorkerListItemPage: {
            items?: components["schemas"]["WorkerListItem"][];
            nextCursor?: string | null;
            /** Format: int64 */
            total?: number | null;
        };
        /** @enum {string} */
        WorkerSort: "name" | "employeeNumber";
        /** @enum {string} */
        WorkerStatus: "active" | "onLeave" | "left" | "retired";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListAuditTrail: {
        parameters: {
            query?: {
                actorId?: string;
                cursor?: string;
                entityId?: string;
                entityType?: string;
                from?: string;
                limit?: number;
                module?: string;
                operation?: string;
                to?: string;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListApiClients: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: components["schemas"]["ApiClientStatus"];
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiClient"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiClient"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RevokeApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RotateApiClientKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiClient"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    Logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ChangeOwnPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnPassword"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListUsers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                q?: string;
                status?: components["schemas"]["UserStatus"];
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUser"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UpdateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUser"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GrantRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantRole"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RevokeGrant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                grantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ResetPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedPassword"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DeleteDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetDocumentContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not Modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListDocumentReads: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentReads"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetMyDocumentContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not Modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ConfirmReading: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRead"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CastBallot: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CastBallot"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BallotReceipt"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListMySessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySessionSummary"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetMySession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySession"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CheckIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInRecord"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListMyDocuments: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDocument"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetPoll: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ClosePoll: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    OpenPoll: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RecordPaperCounts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPaperCounts"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaperCounts"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    MarkPaperVoters: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkPaperVoters"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaperVoters"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CheckReceipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckReceipt"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptCheck"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetRegionCongressFigures: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionCongressFigures"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListResolutions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                overdue?: boolean;
                sessionId?: string;
                status?: components["schemas"]["ResolutionStatus"][];
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolutionPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetResolution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resolution"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    TrackResolution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackResolution"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resolution"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    AddResolutionNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddResolutionNote"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resolution"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListSessions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: components["schemas"]["SessionStatus"][];
                termId?: string;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSession"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAgenda: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaStep"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    SetAgenda: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAgenda"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaStep"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CloseAgendaStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
                stepId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaStep"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    OpenAgendaStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
                stepId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaStep"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ArchiveSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendance"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RecordCheckIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCheckIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInRecord"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CloseSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListDocuments: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UploadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadDocumentForm"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateElection: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateElection"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateEvaluation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEvaluation"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateMotion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMotion"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    OpenSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetOpinionSummary: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpinionSummary"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RecordGroupOpinion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordGroupOpinion"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupOpinion"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListPolls: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poll"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ExportSessionResults: {
        parameters: {
            query: {
                format: components["schemas"]["SessionResultsFormat"];
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetCongressTurnout: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CongressTurnout"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetCalendar: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ChangeCalendar: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCalendar"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListImports: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                phase?: components["schemas"]["ImportPhase"][];
                since?: string;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetRejectedRows: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Gone */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ImportUnits: {
        parameters: {
            query?: {
                dryRun?: boolean;
                fileName?: string;
                mode?: components["schemas"]["ImportMode"];
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ImportWorkers: {
        parameters: {
            query?: {
                dryRun?: boolean;
                fileName?: string;
                mode?: components["schemas"]["ImportMode"];
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListOrganisations: {
        parameters: {
            query?: {
                cursor?: string;
                kind?: components["schemas"]["OrganisationKind"];
                limit?: number;
                parentId?: string;
                q?: string;
                status?: components["schemas"]["OrganisationStatus"];
                total?: boolean;
                under?: string;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisation"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UpdateOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisation"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DeactivateOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    MoveOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveOrganisation"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetRepresentative: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Representative"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    EndAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndAppointment"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Representative"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListTerms: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CongressTermPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateTerm: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTerm"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CongressTerm"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListRepresentatives: {
        parameters: {
            query?: {
                active?: boolean;
                cursor?: string;
                delegationGroup?: string;
                limit?: number;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                termId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepresentativePage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    AppointRepresentative: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                termId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointRepresentative"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Representative"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListWorkers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                q?: string;
                skillGrade?: components["schemas"]["SkillGrade"][];
                sort?: components["schemas"]["WorkerSort"];
                status?: components["schemas"]["WorkerStatus"][];
                total?: boolean;
                unitId?: string;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkerListItemPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RegisterWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWorker"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UpdateWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorker"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DeactivateWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateWorker"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UpsertWorkers: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpsertWorkers"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpsertResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListEvents: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
                types?: string[];
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListEventTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeList"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListWebhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: components["schemas"]["WebhookStatus"];
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedWebhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UpdateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DeleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RedeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: components["schemas"]["DeliveryStatus"][];
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListAwardCampaigns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    OpenAwardCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCampaign"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAwardCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DecideAwardCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListAwardNominations: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NominationSummary"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAwardRanking: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRanking"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    StartAwardReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAwardNomination: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Nomination"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RecordAward: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAward"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Nomination"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RecordEscalation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordEscalation"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Nomination"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ScoreAwardNomination: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoreNomination"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NominationScores"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListCalls: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                openOn?: string;
                total?: boolean;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CreateCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCall"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Call"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Call"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    EditCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditCall"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Call"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    SendOverdueReminders: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueReminders"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListProposals: {
        parameters: {
            query?: {
                callId?: string;
                category?: components["schemas"]["ProposalCategory"][];
                cursor?: string;
                limit?: number;
                overdue?: boolean;
                search?: string;
                sort?: components["schemas"]["ProposalOrder"];
                status?: components["schemas"]["ProposalStatus"][];
                total?: boolean;
                unitId?: string;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalPage"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DraftProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftProposal"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    EditDraft: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditDraft"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    AnswerProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerProposal"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    AssignProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignProposal"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    UploadAttachment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadAttachmentForm"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    CloseProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CloseProposal"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    InviteCosigners: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteCosigners"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    AnswerCosigningInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerInvitation"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DecideProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideProposal"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    MergeProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeProposal"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    NominateProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NominateProposal"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Nomination"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    RateAnswer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateAnswer"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    LinkResolution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkResolution"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    StartReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartReview"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    SubmitProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetAttachmentContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    DeleteAttachment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path: {
                id: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ListRegionAwardCampaigns: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionCampaign"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetRegionProposalFigures: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionProposalFigures"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetProposalSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    ChangeProposalSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeProposalSettings"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Precondition Required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
    GetProposalStatistics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: {
                /** @description The organisation you act for, when you hold roles at several. */
                "X-Organisation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalStatistics"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ApiProblem"];
                };
            };
        };
    };
}
