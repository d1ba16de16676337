#include "FontconfigWarmUp.h"

#include <fontconfig/fontconfig.h>

#include <system_error>

namespace das {

FontconfigWarmUp::FontconfigWarmUp()
{
    try {
        m_thread = std::thread([] { FcInit(); });
    } catch (const std::system_error&) {
        // No thread to spare (a process or memory limit): Qt reads the configuration itself, as it would.
    }
}

FontconfigWarmUp::~FontconfigWarmUp()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace das
