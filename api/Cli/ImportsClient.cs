using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;

namespace Workforce.Cli;

/// <summary>An import as the API reports it (GET /api/v1/directory/imports/{id}); only what the client shows.</summary>
internal sealed record ImportJob(Guid Id, string Phase, string Mode, bool DryRun, int RowsRead, int RowsValid, int RowsRejected,
    int Created, int Updated, int Unchanged, int Percent, string? Error)
{
    public bool Finished => Phase is "completed" or "failed";

    /// <summary>Whether the rows went into the register: not for a dry run, nor for an all-or-nothing file with rejected rows.</summary>
    public bool Merged => Phase == "completed" && !DryRun && (Mode == "skipInvalid" || RowsRejected == 0);
}

/// <summary>An RFC 9457 problem document, as far as the client reads it.</summary>
internal sealed record Problem(string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors, string? RequestId);

/// <summary>The server answered with an error; the message says what was refused, why, and the problem's code.</summary>
internal sealed class ApiProblemException(string message, HttpStatusCode status) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>
/// The three calls an import needs: upload the file (streamed from disk, never held in memory), follow the job, and
/// download its rejected rows. Every request carries the API key and, when given, X-Organisation-Id.
/// </summary>
internal sealed class ImportsClient : IDisposable
{
    private const string Imports = "api/v1/directory/imports";
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How long a request other than the upload and the download may take.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public ImportsClient(ImportOptions options, HttpMessageHandler? handler)
    {
        // Expect: 100-continue lets the server refuse a wrong key or permission before the file is sent at all.
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15), Expect100ContinueTimeout = TimeSpan.FromSeconds(2) })
            : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = options.Api;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("workforce-cli",
            typeof(ImportsClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0"));
        if (options.Organisation is { } organisation)
        {
            _http.DefaultRequestHeaders.Add("X-Organisation-Id", organisation.ToString());
        }
    }

    /// <summary>Uploads the file; the answer (202) comes once the server has read and staged all of it.</summary>
    /// <param name="sent">Told the bytes sent so far, as they go.</param>
    public async Task<ImportJob> StartAsync(ImportOptions options, FileInfo file, Action<long> sent, CancellationToken ct)
    {
        var query = $"mode={options.Mode}&fileName={Uri.EscapeDataString(file.Name)}{(options.DryRun ? "&dryRun=true" : "")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Imports}/{options.Kind}?{query}")
        {
            Content = new FileContent(file, file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxContentType : "text/csv", sent),
        };
        request.Headers.ExpectContinue = true;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return await ReadAsync<ImportJob>(response, "the upload", ct);
    }

    public async Task<ImportJob> GetAsync(Guid id, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await _http.GetAsync(JobRoute(id), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ReadAsync<ImportJob>(response, $"to show import {id}", timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The API at {_http.BaseAddress} did not answer within {RequestTimeout.TotalSeconds:0} seconds.");
        }
    }

    /// <summary>Writes the job's rejected rows (CSV, with the reason for each) to <paramref name="path"/>.</summary>
    public async Task DownloadRejectedRowsAsync(Guid id, string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync($"{JobRoute(id)}/rejected", HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, $"to send the rejected rows of import {id}", ct);
        }
        await using var file = File.Create(path);
        await response.Content.CopyToAsync(file, ct);
    }

    /// <summary>Where a job can be followed by hand, for messages.</summary>
    public Uri JobUrl(Guid id) => new(_http.BaseAddress!, JobRoute(id));

    public void Dispose() => _http.Dispose();

    /// <summary>What to tell the user about a failure talking to the API, or null for a failure that is a bug.</summary>
    public static string? Describe(Exception failure, Uri api) => failure switch
    {
        ApiProblemException problem => problem.Message,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } unreachable =>
            $"cannot reach the Workforce API at {api}: {unreachable.Message.TrimEnd('.')}. Is it running? Give its address with --api or {CommandLine.ApiVariable}.",
        HttpRequestException broken => $"the connection to the Workforce API at {api} failed: {broken.Message}",
        TimeoutException slow => slow.Message,
        JsonException unreadable => $"the answer of the API at {api} could not be read ({unreadable.Message}); is this the Workforce API?",
        IOException or UnauthorizedAccessException => failure.Message,
        _ => null,
    };

    /// <summary>A failure worth asking again about: the network or a server that is briefly unavailable.</summary>
    public static bool IsTransient(Exception failure) =>
        failure is HttpRequestException or TimeoutException ||
        failure is ApiProblemException { Status: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout };

    private static string JobRoute(Guid id) => $"{Imports}/{id}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, what, ct);
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new JsonException("The body is empty.");
    }

    private static async Task<ApiProblemException> ProblemAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
            }
            catch (JsonException)
            {
            }
        }
        var status = (int)response.StatusCode;
        var lines = new List<string>
        {
            $"the server refused {what}: {problem?.Detail ?? problem?.Title ?? response.ReasonPhrase} ({status} {problem?.Code ?? "no problem document"})",
        };
        lines.AddRange((problem?.Errors ?? []).Select(field => $"  {field.Key}: {string.Join(" ", field.Value)}"));
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            lines.Add($"Check the API key (--key or {CommandLine.KeyVariable}): a revoked or rotated key no longer works.");
        }
        if (problem?.RequestId is { } requestId)
        {
            lines.Add($"Request id, to quote when you report it: {requestId}");
        }
        return new ApiProblemException(string.Join('\n', lines), response.StatusCode);
    }

    /// <summary>A file sent as it is read from disk, a buffer at a time, telling how much has gone.</summary>
    private sealed class FileContent : HttpContent
    {
        private readonly FileInfo _file;
        private readonly long _length;
        private readonly Action<long> _sent;

        public FileContent(FileInfo file, string contentType, Action<long> sent)
        {
            _file = file;
            _length = file.Length;
            _sent = sent;
            Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = new FileStream(_file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                int read;
                while (total < _length && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, _length - total)), cancellationToken)) > 0)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    total += read;
                    _sent(total);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
