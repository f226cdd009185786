// The Flex Consumption plan and the function app (.NET 10 isolated worker). The app runs as the
// user-assigned identity for everything: storage, deployment package, Key Vault references, telemetry.

@description('Name of the function app (also its default host name: <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags for the plan and the app (the app adds azd-service-name).')
param tags object

@description('The azd service name in azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account (AzureWebJobsStorage__accountName).')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param storageBlobEndpoint string

@description('Blob container the plan deploys the app package from.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Vault URI, the base of the secret URIs.')
param keyVaultUri string

@description('Secret names, keyed by the app setting that references them.')
param secretNames object

@description('Memory of each instance in MB; CPU and billing (GB-s) scale with it.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Upper bound of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('NCRONTAB schedule of DispatchDueFunction.')
param dispatchSchedule string

@description('Mail__From: the sender address, on the domain authenticated in SendGrid.')
param mailFrom string

@description('Mail__FromName: the sender display name.')
param mailFromName string

@description('Mail__InboundDomain: the domain whose MX points at SendGrid Inbound Parse.')
param mailInboundDomain string

@description('Mail__PublicBaseUrl: base URL of links in mail; empty means https://<default host name>.')
param mailPublicBaseUrl string

@description('SendGrid__EventWebhookPublicKey: the Event Webhook verification key (public, not a secret); empty refuses events.')
param sendGridEventWebhookPublicKey string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// A separate resource so that Mail__PublicBaseUrl can default to the app's own host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    DispatchSchedule: dispatchSchedule
    CleanupSchedule: '0 17 3 * * *'
    Mail__From: mailFrom
    Mail__FromName: mailFromName
    Mail__InboundDomain: mailInboundDomain
    Mail__PublicBaseUrl: empty(mailPublicBaseUrl) ? 'https://${site.properties.defaultHostName}' : mailPublicBaseUrl
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.SendGrid__ApiKey}/)'
    SendGrid__EventWebhookPublicKey: sendGridEventWebhookPublicKey
    Tokens__CurrentSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.Tokens__CurrentSecret}/)'
    Tokens__PreviousSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.Tokens__PreviousSecret}/)'
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName
