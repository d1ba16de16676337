#include "FontconfigWarmUp.h"

#include <fontconfig/fontconfig.h>

namespace das {

FontconfigWarmUp::FontconfigWarmUp()
    : m_thread([] { FcInit(); })
{}

FontconfigWarmUp::~FontconfigWarmUp()
{
    m_thread.join();
}

} // namespace das
