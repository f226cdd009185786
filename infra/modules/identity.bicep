// The one identity the function app runs as: storage, Key Vault references and telemetry all use it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Region of the identity.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, attached to the function app.')
output id string = identity.id

@description('Client id: the value of AzureWebJobsStorage__clientId and of ClientId in APPLICATIONINSIGHTS_AUTHENTICATION_STRING.')
output clientId string = identity.properties.clientId

@description('Object id of the service principal, the subject of the role assignments.')
output principalId string = identity.properties.principalId
