// Key Vault in RBAC mode for the app's secrets. The app reads them through Key Vault references
// (@Microsoft.KeyVault(SecretUri=...)), resolved by the platform with the app's user-assigned identity.

@description('Name of the vault (3-24 letters, digits and dashes).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@description('Secret names, keyed by the app setting that references them.')
param secretNames object

@secure()
@description('SendGrid API key (Mail Send permission).')
param sendGridApiKey string

@secure()
@description('Tokens__CurrentSecret: the HMAC secret new reply tokens and links are signed with.')
param tokensCurrentSecret string

@secure()
@description('Tokens__PreviousSecret: the secret before the last rotation; empty stores the current one again (no previous secret).')
param tokensPreviousSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.SendGrid__ApiKey
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

resource tokensCurrentSecretResource 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.Tokens__CurrentSecret
  properties: {
    value: tokensCurrentSecret
    contentType: 'HMAC secret (current)'
  }
}

// Always written, so Tokens__PreviousSecret never references a missing secret: without a previous secret
// it holds the current one, and the key ring simply has the same key twice.
resource tokensPreviousSecretResource 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.Tokens__PreviousSecret
  properties: {
    value: empty(tokensPreviousSecret) ? tokensCurrentSecret : tokensPreviousSecret
    contentType: 'HMAC secret (previous)'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI (https://<name>.vault.azure.net/), the base of every secret URI.')
output vaultUri string = vault.properties.vaultUri
