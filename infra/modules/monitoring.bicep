// Application Insights on a Log Analytics workspace. Local (instrumentation key) authentication is off:
// only Entra-authenticated telemetry is accepted, so the connection string alone lets nobody write into it.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Region of both resources.')
param location string

@description('Tags for both resources.')
param tags object

@description('Days the workspace keeps data; 30 stays within the retention included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Daily ingestion cap in GB; a runaway log loop costs at most this much a day. -1 for no cap.')
param dailyQuotaGb int = 1

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

@description('Name of the Application Insights component (for role assignments).')
output applicationInsightsName string = applicationInsights.name

@description('Resource id of the Application Insights component.')
output applicationInsightsId string = applicationInsights.id

@description('Address the operator alerts are mailed to; empty: the alerts still fire and show in the portal, nobody is mailed.')
param alertEmail string = ''

// The operator's safety net: log-search alerts over the app's telemetry, each evaluated every 5 minutes over the last
// 5 minutes and firing on a single hit. The app logs every condition below (no addresses, no journal text).
var alerts = [
  {
    name: 'webhook-5xx'
    severity: 1
    description: 'The Inbound Parse webhook answered 5xx: storing a post failed. SendGrid retries for 72 hours, then drops the mail.'
    query: 'requests | where name == "ReceiveInboundMailFunction" and toint(resultCode) >= 500'
  }
  {
    name: 'poison-message'
    severity: 1
    description: 'A queue message failed 5 times and was moved to outbound-poison or inbound-poison; replay it after the fix (docs/deploy.md).'
    query: 'traces | where message has "-poison" and message has_any ("Moving message", "MaxDequeueCount")'
  }
  {
    name: 'send-problem'
    severity: 2
    description: 'A send failed, ended uncertain (timeout or 5xx after the request left: recorded, never re-sent), or anything else logged an error.'
    query: 'traces | where severityLevel >= 3'
  }
  {
    name: 'send-repeated'
    severity: 3
    description: 'A prompt, digest or answer was started by a worker that died and was sent again: its subscriber may have it twice (events 3101, 3102).'
    query: 'traces | where tostring(customDimensions.EventId) in ("3101", "3102")'
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${applicationInsightsName}-operator'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'compersion'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: '${applicationInsightsName}-${alert.name}'
    location: location
    tags: tags
    properties: {
      displayName: alert.name
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [applicationInsights.id]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT5M'
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
      }
    }
  }
]
