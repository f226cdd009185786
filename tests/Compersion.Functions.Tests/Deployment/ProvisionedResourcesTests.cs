using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Compersion.Storage;
using Microsoft.Extensions.Options;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>What <c>azd provision</c> would create, as <c>bicep snapshot</c> predicts it offline from the real parameter file.</summary>
public sealed class ProvisionedResourcesTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [BicepFact]
    public async Task StorageAccount_Provisioned_SharedKeysOffHttpsOnlyTls12NoPublicBlobs()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var properties = InfraTemplate.Single(snapshot, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
    }

    [BicepFact]
    public async Task StorageAccount_Provisioned_RawInboundMailExpiresAfterTheDocumentedNinetyDays()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var rule = Assert.Single(InfraTemplate.Single(snapshot, "Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray())!;

        Assert.True((bool)rule["enabled"]!);
        Assert.Equal(["inbound-raw/"], rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(prefix => (string?)prefix));
        Assert.Equal(90, (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]!);
    }

    [BicepFact]
    public async Task Alerts_Provisioned_WatchWebhook5xxPoisonMessagesSendProblemsAndRepeatedSends()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var rules = InfraTemplate.Resources(snapshot, "Microsoft.Insights/scheduledQueryRules")
            .ToDictionary(rule => (string)rule["properties"]!["displayName"]!, rule => rule["properties"]!.AsObject(), StringComparer.Ordinal);

        Assert.Equal(["poison-message", "send-problem", "send-repeated", "webhook-5xx"], rules.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ReceiveInboundMailFunction", (string)rules["webhook-5xx"]["criteria"]!["allOf"]![0]!["query"]!, StringComparison.Ordinal);
        Assert.Contains("-poison", (string)rules["poison-message"]["criteria"]!["allOf"]![0]!["query"]!, StringComparison.Ordinal);
        Assert.All(rules.Values, rule => Assert.Equal(0, (int)rule["criteria"]!["allOf"]![0]!["threshold"]!));
        Assert.All(rules.Values, rule => Assert.Empty(rule["actions"]!["actionGroups"]!.AsArray()));
        Assert.Empty(InfraTemplate.Resources(snapshot, "Microsoft.Insights/actionGroups"));
    }

    [BicepFact]
    public async Task Alerts_AlertEmailSet_EveryRuleMailsTheOperator()
    {
        var snapshot = await InfraTemplate.SnapshotAsync(("ALERT_EMAIL", "ops@example.org"));

        var group = InfraTemplate.Single(snapshot, "Microsoft.Insights/actionGroups");
        var rules = InfraTemplate.Resources(snapshot, "Microsoft.Insights/scheduledQueryRules");

        Assert.Equal("ops@example.org", (string?)group["properties"]!["emailReceivers"]![0]!["emailAddress"]);
        Assert.Equal(4, rules.Count);
        Assert.All(rules, rule => Assert.Equal((string?)group["id"], (string?)Assert.Single(rule["properties"]!["actions"]!["actionGroups"]!.AsArray())));
    }

    [BicepFact]
    public async Task Plan_Provisioned_FlexConsumptionFc1OnLinux()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var plan = InfraTemplate.Single(snapshot, "Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [BicepFact]
    public async Task FunctionApp_Provisioned_HttpsOnlyTls12FtpsDisabledOnTheFlexPlan()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var site = InfraTemplate.Single(snapshot, "Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["properties"]!["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)site["properties"]!["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["properties"]!["siteConfig"]!["ftpsState"]);
        Assert.Equal((string?)InfraTemplate.Single(snapshot, "Microsoft.Web/serverfarms")["id"], (string?)site["properties"]!["serverFarmId"]);
    }

    [BicepFact]
    public async Task FunctionApp_Provisioned_DotnetIsolated10RunAndDeployedAsTheUserAssignedIdentity()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var identityId = (string?)InfraTemplate.Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"];

        var site = InfraTemplate.Single(snapshot, "Microsoft.Web/sites");
        var config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([identityId], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(pair => pair.Key));
        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal(identityId, (string?)config["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.EndsWith("'app-package')]", (string?)config["deployment"]!["storage"]!["value"], StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task PublishingCredentials_Provisioned_FtpAndScmBasicAuthenticationOff()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var policies = InfraTemplate.Resources(snapshot, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(policy => ((string?)policy["name"])!.Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.False((bool)policy["properties"]!["allow"]!));
    }

    [BicepFact]
    public async Task RoleAssignments_Provisioned_ExactlyTheDataRolesOfTheAppIdentityEachOnItsResource()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var identityId = (string?)InfraTemplate.Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"];
        var storageId = (string)InfraTemplate.Single(snapshot, "Microsoft.Storage/storageAccounts")["id"]!;
        var vaultId = (string)InfraTemplate.Single(snapshot, "Microsoft.KeyVault/vaults")["id"]!;
        var insightsId = (string)InfraTemplate.Single(snapshot, "Microsoft.Insights/components")["id"]!;

        var assignments = InfraTemplate.Resources(snapshot, "Microsoft.Authorization/roleAssignments")
            .Select(assignment => (
                Scope: ((string?)assignment["id"])![..((string?)assignment["id"])!.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)],
                Role: ((string?)assignment["properties"]!["roleDefinitionId"])!.Split('/')[^1],
                Principal: (string?)assignment["properties"]!["principalId"],
                PrincipalType: (string?)assignment["properties"]!["principalType"]))
            .OrderBy(assignment => assignment.Role, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            new[] { (storageId, StorageTableDataContributor), (insightsId, MonitoringMetricsPublisher), (vaultId, KeyVaultSecretsUser), (storageId, StorageQueueDataContributor), (storageId, StorageBlobDataOwner) }
                .OrderBy(expected => expected.Item2, StringComparer.Ordinal),
            assignments.Select(assignment => (assignment.Scope, assignment.Role)));
        Assert.All(assignments, assignment =>
        {
            Assert.Equal("ServicePrincipal", assignment.PrincipalType);
            Assert.Contains($"reference('{identityId}'", assignment.Principal, StringComparison.Ordinal);
            Assert.EndsWith(").principalId]", assignment.Principal, StringComparison.Ordinal);
        });
    }

    [BicepFact]
    public async Task AppSettings_Provisioned_IdentityBasedStorageOfTheUserAssignedIdentity()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var identityId = (string?)InfraTemplate.Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"];

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.Equal((string?)InfraTemplate.Single(snapshot, "Microsoft.Storage/storageAccounts")["name"], settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal($"[reference('{identityId}', '2023-01-31').clientId]", settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.All(settings, setting => Assert.DoesNotContain("AccountKey", setting.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    [BicepFact]
    public async Task AppSettings_Provisioned_NoneThatTheFlexConsumptionPlanRejects()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.All(
            ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_NODE_DEFAULT_VERSION", "AzureWebJobsStorage"],
            name => Assert.False(settings.ContainsKey(name), $"{name} is not allowed on Flex Consumption (or not wanted)."));
    }

    [BicepFact]
    public async Task AppSettings_Provisioned_SecretsAreKeyVaultReferencesToSecretsTheTemplateStores()
    {
        var snapshot = await InfraTemplate.SnapshotAsync(("TOKENS_PREVIOUS_SECRET", InfraTemplate.FakePreviousSecret));
        var vault = InfraTemplate.Single(snapshot, "Microsoft.KeyVault/vaults");
        var stored = InfraTemplate.Resources(snapshot, "Microsoft.KeyVault/vaults/secrets").Select(secret => ((string?)secret["name"])!.Split('/')[^1]).ToList();

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.All(["SendGrid__ApiKey", "Tokens__CurrentSecret", "Tokens__PreviousSecret"], name =>
        {
            var value = settings[name]!;
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', ", value, StringComparison.Ordinal);
            Assert.Contains($"reference('{(string?)vault["id"]}'", value, StringComparison.Ordinal);
            Assert.Contains(stored, secret => value.EndsWith($"'{secret}')]", StringComparison.Ordinal));
        });
        Assert.Equal(3, stored.Distinct(StringComparer.Ordinal).Count());
    }

    [BicepFact]
    public async Task KeyVault_NoPreviousTokenSecret_StoresTheCurrentOneInItsPlace()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var previous = InfraTemplate.Resources(snapshot, "Microsoft.KeyVault/vaults/secrets").Single(secret => ((string?)secret["name"])!.EndsWith("/tokens-previous-secret", StringComparison.Ordinal));

        Assert.False(previous.ContainsKey("condition"));
        Assert.Equal("[if(empty(parameters('tokensPreviousSecret')), parameters('tokensCurrentSecret'), parameters('tokensPreviousSecret'))]", (string?)previous["properties"]!["value"]);
    }

    [BicepFact]
    public async Task KeyVault_Provisioned_RbacModeWithoutAccessPolicies()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var properties = InfraTemplate.Single(snapshot, "Microsoft.KeyVault/vaults")["properties"]!.AsObject();

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.False(properties.ContainsKey("accessPolicies"));
    }

    [BicepFact]
    public async Task Snapshot_SecretParameters_TheirValuesAppearNowhere()
    {
        var snapshot = await InfraTemplate.SnapshotAsync(("TOKENS_PREVIOUS_SECRET", InfraTemplate.FakePreviousSecret));

        var text = snapshot.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.DoesNotContain(InfraTemplate.FakeSendGridApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(InfraTemplate.FakeCurrentSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(InfraTemplate.FakePreviousSecret, text, StringComparison.Ordinal);
        Assert.Contains("[parameters('tokensCurrentSecret')]", text, StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task AppSettings_Defaults_MailLinksToTheAppHostAndDispatchEveryMinute()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var siteId = (string?)InfraTemplate.Single(snapshot, "Microsoft.Web/sites")["id"];

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.Equal($"[format('https://{{0}}', reference('{siteId}', '2024-04-01').defaultHostName)]", settings["Mail__PublicBaseUrl"]);
        Assert.Equal("0 * * * * *", settings["DispatchSchedule"]);
        Assert.Equal("0 17 3 * * *", settings["CleanupSchedule"]);
        Assert.Equal("hello@mail.example.org", settings["Mail__From"]);
        Assert.Equal("Compersion", settings["Mail__FromName"]);
        Assert.Equal("reply.example.org", settings["Mail__InboundDomain"]);
        Assert.Equal(string.Empty, settings["SendGrid__EventWebhookPublicKey"]);
    }

    [BicepFact]
    public async Task AppSettings_OperatorSettings_PassedThroughAsGiven()
    {
        var snapshot = await InfraTemplate.SnapshotAsync(
            ("MAIL_PUBLIC_BASE_URL", "https://compersion.example.org"),
            ("MAIL_FROM_NAME", "Kind Words"),
            ("DISPATCH_SCHEDULE", "30 */5 * * * *"),
            ("SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"));

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.Equal("https://compersion.example.org", settings["Mail__PublicBaseUrl"]);
        Assert.Equal("Kind Words", settings["Mail__FromName"]);
        Assert.Equal("30 */5 * * * *", settings["DispatchSchedule"]);
        Assert.Equal("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", settings["SendGrid__EventWebhookPublicKey"]);
    }

    [BicepFact]
    public async Task ApplicationInsights_Provisioned_OnTheWorkspaceEntraOnlyWithTheIdentity()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var identityId = (string?)InfraTemplate.Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"];
        var insights = InfraTemplate.Single(snapshot, "Microsoft.Insights/components");

        var settings = InfraTemplate.AppSettings(snapshot);

        Assert.Equal((string?)InfraTemplate.Single(snapshot, "Microsoft.OperationalInsights/workspaces")["id"], (string?)insights["properties"]!["WorkspaceResourceId"]);
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        Assert.Equal($"[reference('{(string?)insights["id"]}', '2020-02-02').ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal($"[format('ClientId={{0}};Authorization=AAD', reference('{identityId}', '2023-01-31').clientId)]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [BicepFact]
    public async Task StorageLayout_Template_SameTablesQueuesAndContainersAsTheAppCreatesAtStartUp()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var appTables = new StorageTables(new TableServiceClient("UseDevelopmentStorage=true"), Options.Create(new StorageOptions())).All.Select(table => table.Name);

        Assert.Equal(appTables.Order(StringComparer.Ordinal), Names(snapshot, "Microsoft.Storage/storageAccounts/tableServices/tables").Order(StringComparer.Ordinal));
        Assert.Equal(StorageInitializer.Queues.Order(StringComparer.Ordinal), Names(snapshot, "Microsoft.Storage/storageAccounts/queueServices/queues").Order(StringComparer.Ordinal));
        Assert.Equal(
            StorageInitializer.Containers.Append("app-package").Order(StringComparer.Ordinal),
            Names(snapshot, "Microsoft.Storage/storageAccounts/blobServices/containers").Order(StringComparer.Ordinal));
    }

    [BicepFact]
    public async Task Tags_Provisioned_EnvironmentNameOnEveryResourceServiceNameOnTheApp()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var tagged = snapshot["predictedResources"]!.AsArray().Select(resource => resource!.AsObject())
            .Where(resource => ((string?)resource["type"])!.Count(c => c == '/') == 1 && (string?)resource["type"] != "Microsoft.Authorization/roleAssignments")
            .ToList();

        // 8, plus the four alert rules.
        Assert.Equal(12, tagged.Count);
        Assert.All(tagged, resource => Assert.Equal("compersion-test", (string?)resource["tags"]?["azd-env-name"]));
        Assert.Equal("functions", (string?)InfraTemplate.Single(snapshot, "Microsoft.Web/sites")["tags"]!["azd-service-name"]);
        Assert.Single(tagged, resource => resource["tags"]!["azd-service-name"] is not null);
    }

    private static IEnumerable<string> Names(JsonObject snapshot, string type) =>
        InfraTemplate.Resources(snapshot, type).Select(resource => ((string?)resource["name"])!.Split('/')[^1]);
}
