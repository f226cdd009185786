using Azure;
using Azure.Data.Tables;
using Compersion.Core.Inbound;

namespace Compersion.Storage.Inbound;

/// <summary>The <c>inbound</c> table: PartitionKey = message key (a hash, never an address), RowKey = empty.</summary>
/// <remarks>Every change is a read followed by a write conditioned on the ETag, so two workers on the same message agree.</remarks>
internal sealed class TableInboundLedger(StorageTables tables) : IInboundLedger
{
    private const string StageColumn = "Stage";
    private const string AnswerColumn = "AnswerClaimed";

    private TableClient Table => tables.Inbound;

    public async Task<InboundStage> BeginAsync(string messageKey, string archiveName, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(messageKey, string.Empty)
        {
            [StageColumn] = (int)InboundStage.Received,
            ["Archive"] = archiveName,
            [AnswerColumn] = false,
        };
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
            return InboundStage.Received;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>(messageKey, string.Empty, cancellationToken: cancellationToken);
            return (InboundStage)(existing.Value.GetInt32(StageColumn) ?? 0);
        }
    }

    public async Task AdvanceAsync(string messageKey, InboundStage stage, string? subscriberId, string? detail, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = (await Table.GetEntityAsync<TableEntity>(messageKey, string.Empty, cancellationToken: cancellationToken)).Value;
            var now = (InboundStage)(current.GetInt32(StageColumn) ?? 0);
            if (now is InboundStage.Done or InboundStage.Quarantined || (stage != InboundStage.Quarantined && now >= stage))
            {
                return;
            }

            current[StageColumn] = (int)stage;
            if (subscriberId is not null)
            {
                current["SubscriberId"] = subscriberId;
            }

            if (detail is not null)
            {
                current["Detail"] = detail;
            }

            try
            {
                await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Someone else moved it; read again and decide.
            }
        }
    }

    public async Task<bool> TryClaimAnswerAsync(string messageKey, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = (await Table.GetEntityAsync<TableEntity>(messageKey, string.Empty, cancellationToken: cancellationToken)).Value;
            if (current.GetBoolean(AnswerColumn) == true || (InboundStage)(current.GetInt32(StageColumn) ?? 0) is InboundStage.Done or InboundStage.Quarantined)
            {
                return false;
            }

            current[AnswerColumn] = true;
            current[StageColumn] = (int)InboundStage.Answering;
            try
            {
                await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Lost a race; the loop reads the winner's claim and answers false.
            }
        }
    }
}
