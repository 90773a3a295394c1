// Names shared by more than one module, kept in one place.

@export()
@description('The Key Vault secrets the app reads through Key Vault references. Their values are generated at provision (main.bicep) and never leave the vault.')
var vaultSecrets = {
  webhookCurrent: 'webhook-secret'
  webhookPrevious: 'webhook-secret-previous'
  linksCurrent: 'links-key'
  linksPrevious: 'links-key-previous'
  opsKey: 'ops-key'
}

@export()
@description('The service name in azure.yaml; azd deploys to the site tagged azd-service-name with it.')
var serviceName = 'api'
