// Compersion on Azure: `azd up` provisions this and deploys src/Compersion.Functions to it.
// See docs/deploy.md for the walk-through, the SendGrid setup and the cost estimate.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the resource token in every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Mail__From: the sender address, on the domain you authenticate in SendGrid (e.g. hello@mail.example.org).')
@minLength(3)
param mailFrom string

@description('Mail__FromName: the sender display name.')
param mailFromName string = 'Compersion'

@description('Mail__InboundDomain: the domain whose MX record points at SendGrid Inbound Parse (e.g. reply.example.org).')
@minLength(3)
param mailInboundDomain string

@description('Mail__PublicBaseUrl: base URL links in mail point to; empty means the function app\'s https host name.')
param mailPublicBaseUrl string = ''

@description('DispatchSchedule: NCRONTAB schedule of the dispatcher; every minute keeps prompts on the minute.')
param dispatchSchedule string = '0 * * * * *'

@description('SendGrid__EventWebhookPublicKey: the signed Event Webhook verification key (public); empty until the webhook is set up, and events are refused meanwhile.')
param sendGridEventWebhookPublicKey string = ''

@secure()
@description('SendGrid API key with the Mail Send permission; stored in Key Vault, never in an app setting.')
@minLength(1)
param sendGridApiKey string

@secure()
@description('Tokens__CurrentSecret: at least 32 random characters (e.g. openssl rand -base64 48); stored in Key Vault.')
@minLength(32)
param tokensCurrentSecret string

@secure()
@description('Tokens__PreviousSecret: the current secret before the last rotation, still accepted; empty when there is none (the current one is stored in its place).')
param tokensPreviousSecret string = ''

@description('Memory of each instance in MB (512, 2048 or 4096); GB-s billing scales with it.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to; 40 is the plan\'s lowest limit, plenty for 100,000 subscribers.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Daily Log Analytics ingestion cap in GB (-1 for none).')
param logDailyQuotaGb int = 1

@description('Days raw inbound mail (archived posts and quarantined mail in inbound-raw) is kept before the storage lifecycle policy deletes it.')
@minValue(7)
param archiveRetentionDays int = 90

@description('Address operator alerts are mailed to (webhook 5xx, poison messages, send problems, repeated sends); empty for none.')
param alertEmail string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var serviceName = 'functions'
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}compersion-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}compersion-${resourceToken}'
  deploymentContainer: 'app-package'
}

// What the app creates at start-up too (StorageInitializer); a test keeps these lists equal to the code's.
// The subscribers are spread over 32 tables, subscribers00 … subscribers31, by the first character of their id (TableNames.cs says why).
var subscriberShards = [for shard in range(0, 32): 'subscribers${padLeft(string(shard), 2, '0')}']
// The timing wheel is spread over 60 tables, schedule00 … schedule59, by the minute of each bucket; schedule holds the cursor.
var scheduleShards = [for minute in range(0, 60): 'schedule${padLeft(string(minute), 2, '0')}']
var tableNames = concat(subscriberShards, scheduleShards, ['subscriberemails', 'schedule', 'outbox', 'inbound', 'subscriberposts'])
var queueNames = ['outbound', 'outbound-poison', 'inbound', 'inbound-poison']
var containerNames = ['inbound-raw', 'photos']

var secretNames = {
  SendGrid__ApiKey: 'sendgrid-api-key'
  Tokens__CurrentSecret: 'tokens-current-secret'
  Tokens__PreviousSecret: 'tokens-previous-secret'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    tableNames: tableNames
    queueNames: queueNames
    containerNames: containerNames
    archiveContainerName: containerNames[0]
    archiveRetentionDays: archiveRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
    alertEmail: alertEmail
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    secretNames: secretNames
    sendGridApiKey: sendGridApiKey
    tokensCurrentSecret: tokensCurrentSecret
    tokensPreviousSecret: tokensPreviousSecret
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
  }
  // The resources the roles are scoped to must exist first.
  dependsOn: [identity, storage, keyVault, monitoring]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The roles first: the app's first start needs storage, its secrets and telemetry.
  dependsOn: [rbac, monitoring]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: names.deploymentContainer
    applicationInsightsName: names.applicationInsights
    keyVaultUri: keyVault.outputs.vaultUri
    secretNames: secretNames
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    dispatchSchedule: dispatchSchedule
    mailFrom: mailFrom
    mailFromName: mailFromName
    mailInboundDomain: mailInboundDomain
    mailPublicBaseUrl: mailPublicBaseUrl
    sendGridEventWebhookPublicKey: sendGridEventWebhookPublicKey
  }
}

// azd writes these into .azure/<environment>/.env; none of them is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output SENDGRID_INBOUND_PARSE_URL string = 'https://${functionApp.outputs.defaultHostName}/api/inbound/sendgrid'
output SENDGRID_EVENT_WEBHOOK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/events/sendgrid'
