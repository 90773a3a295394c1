// Key Vault (RBAC authorization) holding the webhook secrets, the link signing keys and the ops pages' key. The app reads them through
// Key Vault references; nothing here outputs a value.

import { vaultSecrets } from 'names.bicep'

param name string
param location string
param tags object

// Each of these is either the value already in this vault (azd reads it back through secretOrRandomPassword in
// main.parameters.json, so a provision never changes a secret that exists) or, the first time, a fresh random string.
@secure()
param webhookSecret string
@secure()
param webhookSecretPrevious string
@secure()
param linksKey string
@secure()
param linksKeyPrevious string
@secure()
param opsKey string

@secure()
@description('A GUID generated for this deployment (newGuid() in main.bicep); each secret mixes in guid(entropy, its name).')
param entropy string

// A value already in the app's format is kept as it is. Anything else (azd's 15-character random seed, or nothing
// outside azd) is joined with guid(entropy, secret name) and encoded the way the app wants: whsec_<base64> for
// Standard Webhooks (the app needs at least 24 bytes), plain base64 of at least 32 bytes for link keys. guid() is a
// one-way hash, so the webhook secret, which senders hold, tells nothing about the link keys' share of the entropy.
func webhookSecretValue(seed string, guid string) string =>
  startsWith(seed, 'whsec_') ? seed : 'whsec_${base64('${seed}${guid}')}'

func linksKeyValue(seed string, guid string) string => length(seed) >= 44 ? seed : base64('${seed}${guid}')

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource webhookCurrent 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: vaultSecrets.webhookCurrent
  properties: {
    contentType: 'Standard Webhooks secret, whsec_<base64>: the one senders sign with (Webhook:Secrets:0)'
    value: webhookSecretValue(webhookSecret, guid(entropy, vaultSecrets.webhookCurrent))
  }
}

resource webhookPrevious 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: vaultSecrets.webhookPrevious
  properties: {
    contentType: 'Standard Webhooks secret, whsec_<base64>: still accepted while senders move over (Webhook:Secrets:1)'
    value: webhookSecretValue(webhookSecretPrevious, guid(entropy, vaultSecrets.webhookPrevious))
  }
}

resource linksCurrent 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: vaultSecrets.linksCurrent
  properties: {
    contentType: 'Link signing key, base64 of 32+ bytes: signs new links (Links:Keys:0)'
    value: linksKeyValue(linksKey, guid(entropy, vaultSecrets.linksCurrent))
  }
}

resource linksPrevious 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: vaultSecrets.linksPrevious
  properties: {
    contentType: 'Link signing key, base64 of 32+ bytes: still verifies links signed before a rotation (Links:Keys:1)'
    value: linksKeyValue(linksKeyPrevious, guid(entropy, vaultSecrets.linksPrevious))
  }
}

resource opsKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: vaultSecrets.opsKey
  properties: {
    contentType: 'The ops pages\' sign-in key (/dashboard, /queue, /restrictions), typed once per browser (Ops:Key)'
    value: linksKeyValue(opsKey, guid(entropy, vaultSecrets.opsKey))
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
