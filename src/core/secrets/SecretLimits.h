#pragma once

namespace das {

// Where and how much the keychain code stores. Its own header so that SecretJob (which enforces them) and
// SecretStore (which names them in its API) both use them without SecretJob depending on SecretStore.
namespace SecretLimits {

// The keychain service every entry is stored under; on Linux the libsecret attribute server=das-connect.
inline constexpr const char* ServiceName = "das-connect";
// UTF-8 bytes; a longer secret is refused (TooLarge) before anything is written.
inline constexpr int MaxSecretBytes = 4096;

} // namespace SecretLimits

} // namespace das
