using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Tests.Simulator;

/// <summary>Keeps every formatted log message by category.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public IReadOnlyList<string> Messages(string category) =>
        [.. _entries.Where(e => e.Category == category).Select(e => e.Message)];

    public IReadOnlyList<string> AllMessages() => [.. _entries.Select(e => e.Message)];

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
    }
}
