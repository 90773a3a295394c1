using System.Text.Json;
using ComplaintFlow.Core.Orchestration;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>The JSON stored in table rows: the workflow's shape (<see cref="WorkflowJson.Options"/>), plus complaint ids as their text.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(WorkflowJson.Options);
        options.Converters.Add(new ComplaintIdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
