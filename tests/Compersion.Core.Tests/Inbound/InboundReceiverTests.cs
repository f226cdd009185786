using Compersion.Core.Inbound;
using Compersion.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Tests.Inbound;

/// <summary>The webhook's one job: store, queue, then 200; a storage failure asks SendGrid to retry and says what storage answered.</summary>
public sealed class InboundReceiverTests
{
    private readonly RecordingLogger logger = new();

    [Fact]
    public async Task ReceiveAsync_ArchiveAnswers503_RetryLaterAndTheLogNamesTheStatusButNotThePost()
    {
        var sut = CreateSut(new FailingArchive(new StorageFailureException(503, "ServerBusy", new InvalidOperationException("busy"))));
        using var post = new MemoryStream("from=ana@example.org&text=Soup with Sam"u8.ToArray());

        var receipt = await sut.ReceiveAsync(post, "application/x-www-form-urlencoded");

        Assert.Equal(InboundReceipt.RetryLater, receipt);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("storage status 503, ServerBusy", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.org", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Soup", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_NoAnswerFromStorage_RetryLaterAndTheLogSaysNoStatus()
    {
        var sut = CreateSut(new FailingArchive(new StorageFailureException(null, "NoAnswer", new InvalidOperationException("refused"))));
        using var post = new MemoryStream("text=hello"u8.ToArray());

        var receipt = await sut.ReceiveAsync(post, "application/x-www-form-urlencoded");

        Assert.Equal(InboundReceipt.RetryLater, receipt);
        Assert.Contains("storage status none, NoAnswer", Assert.Single(logger.Lines).Text, StringComparison.Ordinal);
    }

    private InboundReceiver CreateSut(IInboundArchive archive) =>
        new(archive, new UnusedQueue(), TimeProvider.System, logger);

    private sealed class FailingArchive(Exception failure) : IInboundArchive
    {
        public Task<string> StoreAsync(Stream body, string? contentType, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
            Task.FromException<string>(failure);

        public Task<ArchivedPost?> OpenAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<string> ListSinceAsync(DateOnly sinceUtc, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class UnusedQueue : IInboundQueue
    {
        public Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class RecordingLogger : ILogger<InboundReceiver>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
