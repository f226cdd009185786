using Azure.Core;
using Azure.Core.Pipeline;

namespace Compersion.Development;

/// <summary>Adds one to <see cref="StorageRoundTrips"/> for every attempt of every request.</summary>
internal sealed class RoundTripCountingPolicy(StorageRoundTrips roundTrips) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => roundTrips.Increment();
}
